package org.leukemia.persistence.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Stores and finds {@link ModelVersion}s; callers provide the transaction. */
@ApplicationScoped
public class ModelVersionRepository {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected ModelVersionRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public ModelVersionRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** The active version; should several be active, the highest of them. */
    public Optional<ModelVersion> findActive() {
        return em.createQuery("select m from ModelVersion m where m.active = true"
                        + " order by m.version desc", ModelVersion.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The version with this number. */
    public Optional<ModelVersion> findByVersion(int version) {
        return em.createQuery("select m from ModelVersion m where m.version = :version",
                        ModelVersion.class)
                .setParameter("version", version)
                .getResultStream()
                .findFirst();
    }

    /**
     * One more than the highest version number stored, or 1. Two concurrent callers may get the
     * same number; the unique constraint on the version then rejects the second insert.
     */
    public int nextVersionNumber() {
        Integer max = em.createQuery("select max(m.version) from ModelVersion m", Integer.class)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** Stores a new version. */
    public void add(ModelVersion version) {
        em.persist(Objects.requireNonNull(version, "version"));
    }

    /** Activates {@code version} and retires every other active version. */
    public void makeActive(ModelVersion version) {
        Objects.requireNonNull(version, "version");
        em.createQuery("select m from ModelVersion m where m.active = true", ModelVersion.class)
                .getResultStream()
                .filter(other -> !other.equals(version))
                .forEach(ModelVersion::retire);
        version.activate();
    }

    /** All versions, highest first. */
    public List<ModelVersion> findAll() {
        return em.createQuery("select m from ModelVersion m order by m.version desc",
                        ModelVersion.class)
                .getResultList();
    }
}
