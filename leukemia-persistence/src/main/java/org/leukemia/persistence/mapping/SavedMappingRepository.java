package org.leukemia.persistence.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leukemia.persistence.user.UserAccount;

/** Stores and finds {@link SavedMapping}s; callers provide the transaction. */
@ApplicationScoped
public class SavedMappingRepository {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected SavedMappingRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public SavedMappingRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * Saves a mapping under its laboratory name, replacing the owner's earlier mapping of the
     * same name.
     *
     * @return the stored mapping
     */
    public SavedMapping save(UserAccount owner, String laboratory,
            List<SavedMapping.Entry> entries) {
        Optional<SavedMapping> earlier = em.createQuery("select m from SavedMapping m"
                        + " where m.owner = :owner and m.laboratory = :laboratory",
                        SavedMapping.class)
                .setParameter("owner", owner).setParameter("laboratory", laboratory.trim())
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            earlier.get().replace(entries);
            return earlier.get();
        }
        SavedMapping mapping = new SavedMapping(owner, laboratory.trim(), entries);
        em.persist(mapping);
        return mapping;
    }

    /** The owner's mappings, most recently saved first. */
    public List<SavedMapping> findByOwner(UserAccount owner) {
        return em.createQuery("select m from SavedMapping m where m.owner = :owner"
                        + " order by m.savedAt desc, m.id desc", SavedMapping.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    /** A mapping by id, whoever owns it; the caller checks whose it is. */
    public Optional<SavedMapping> findById(long id) {
        return Optional.ofNullable(em.find(SavedMapping.class, id));
    }

    /** Deletes a mapping: files read by it before keep what they were read as. */
    public void remove(SavedMapping mapping) {
        em.remove(em.contains(mapping) ? mapping : em.merge(mapping));
    }

    /**
     * The owner's most recently saved mapping that names every one of these headers: the one
     * for files laid out like this one.
     */
    public Optional<SavedMapping> findFor(UserAccount owner, Collection<String> headers) {
        return findByOwner(owner).stream()
                .filter(m -> m.byHeader().keySet().containsAll(headers))
                .findFirst();
    }
}
