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

    /** Stores an upload together with its original file. */
    public void add(Upload upload, byte[] content) {
        add(upload);
        em.persist(new UploadFile(upload, content));
    }

    /** The original bytes of an upload, if they were kept. */
    public Optional<byte[]> findContent(Upload upload) {
        return Optional.ofNullable(em.find(UploadFile.class, upload.getId()))
                .map(UploadFile::getContent);
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

    /** The upload of {@code owner} with this content hash: a file they sent before. */
    public Optional<Upload> findByOwnerAndSha256(UserAccount owner, String sha256) {
        return em.createQuery("select u from Upload u where u.owner = :owner"
                        + " and u.sha256 = :sha256", Upload.class)
                .setParameter("owner", owner)
                .setParameter("sha256", sha256.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }
}
