package org.leukemia.persistence.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.leukemia.persistence.user.UserAccount;

/** Stores and finds {@link Upload}s; callers provide the transaction. */
@ApplicationScoped
public class UploadRepository {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected UploadRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public UploadRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Stores a new upload. */
    public void add(Upload upload) {
        em.persist(Objects.requireNonNull(upload, "upload"));
    }

    /** The upload with this id, whoever owns it. */
    public Optional<Upload> findById(long id) {
        return Optional.ofNullable(em.find(Upload.class, id));
    }

    /** The uploads of {@code owner}, newest first. */
    public List<Upload> findByOwner(UserAccount owner) {
        return em.createQuery("select u from Upload u where u.owner = :owner"
                        + " order by u.uploadedAt desc, u.id desc", Upload.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    /** The uploads of {@code owner} with this content hash, newest first (repeated files). */
    public List<Upload> findByOwnerAndSha256(UserAccount owner, String sha256) {
        return em.createQuery("select u from Upload u where u.owner = :owner"
                        + " and u.sha256 = :sha256 order by u.uploadedAt desc, u.id desc",
                        Upload.class)
                .setParameter("owner", owner)
                .setParameter("sha256", sha256.toLowerCase(Locale.ROOT))
                .getResultList();
    }
}
