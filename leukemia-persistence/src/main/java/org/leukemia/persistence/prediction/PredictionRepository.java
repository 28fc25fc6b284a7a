package org.leukemia.persistence.prediction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.upload.Upload;
import org.leukemia.persistence.user.UserAccount;

/** Stores and finds {@link Prediction}s; callers provide the transaction. */
@ApplicationScoped
public class PredictionRepository {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected PredictionRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public PredictionRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Stores a new prediction; a second prediction for the same panel fails at flush. */
    public void add(Prediction prediction) {
        em.persist(Objects.requireNonNull(prediction, "prediction"));
    }

    /**
     * One page of the predictions for the patients of {@code owner}, newest first, with patient
     * and model version loaded (the dashboard); removed patients are left out.
     *
     * @param first index of the first prediction, from 0
     * @param max most predictions returned
     */
    public List<Prediction> latestForOwner(UserAccount owner, int first, int max) {
        return em.createQuery("select p from Prediction p join fetch p.patient pa"
                        + " join fetch p.modelVersion"
                        + " where pa.owner = :owner and pa.removedAt is null"
                        + " order by p.predictedAt desc, p.id desc",
                        Prediction.class)
                .setParameter("owner", owner)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The predictions made for the rows of an upload, in row order, with panel and patient
     * loaded (the upload's report).
     */
    public List<Prediction> findByUpload(Upload upload) {
        return em.createQuery("select p from Prediction p join fetch p.panel pa"
                        + " join fetch p.patient where pa.upload = :upload"
                        + " order by pa.sourceRow, p.id", Prediction.class)
                .setParameter("upload", upload)
                .getResultList();
    }

    /** Number of predictions for the patients of {@code owner}, removed patients left out. */
    public long countForOwner(UserAccount owner) {
        return em.createQuery("select count(p) from Prediction p where p.patient.owner = :owner"
                        + " and p.patient.removedAt is null", Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
    }

    /** The predictions for {@code patient}, newest first. */
    public List<Prediction> forPatient(Patient patient) {
        return em.createQuery("select p from Prediction p join fetch p.modelVersion"
                        + " where p.patient = :patient order by p.predictedAt desc, p.id desc",
                        Prediction.class)
                .setParameter("patient", patient)
                .getResultList();
    }

    /** The prediction made for {@code panel}, if any. */
    public Optional<Prediction> forPanel(LabPanel panel) {
        return em.createQuery("select p from Prediction p where p.panel = :panel",
                        Prediction.class)
                .setParameter("panel", panel)
                .getResultStream()
                .findFirst();
    }
}
