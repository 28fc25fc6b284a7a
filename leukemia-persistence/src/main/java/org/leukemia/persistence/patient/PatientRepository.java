package org.leukemia.persistence.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leukemia.persistence.user.UserAccount;

/**
 * Stores and finds {@link Patient}s and their {@link LabPanel}s; callers provide the
 * transaction and check that the current user may see what they ask for.
 */
@ApplicationScoped
public class PatientRepository {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected PatientRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public PatientRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** The patient {@code owner} knows by the hospital identifier {@code externalId}. */
    public Optional<Patient> findOwned(String externalId, UserAccount owner) {
        return em.createQuery("select p from Patient p"
                        + " where p.owner = :owner and p.externalId = :externalId",
                        Patient.class)
                .setParameter("owner", owner)
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst();
    }

    /**
     * The patients of {@code owner} with these identifiers, in one query.
     *
     * @param externalIds identifiers, at most a few thousand
     * @param owner the doctor
     * @return the patients found, by identifier
     */
    public Map<String, Patient> findOwned(Collection<String> externalIds, UserAccount owner) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Patient> found = new HashMap<>();
        em.createQuery("select p from Patient p"
                        + " where p.owner = :owner and p.externalId in :externalIds",
                        Patient.class)
                .setParameter("owner", owner)
                .setParameter("externalIds", List.copyOf(externalIds))
                .getResultStream()
                .forEach(p -> found.put(p.getExternalId(), p));
        return found;
    }

    /**
     * The patients, not removed, that any doctor knows by the hospital identifier
     * {@code externalId}, with their doctors, ordered by the doctor's username: what an
     * administrator looks up to assign a patient to another doctor.
     *
     * @param externalId the identifier, exactly as stored
     * @param owner only this doctor's patient, or null for every doctor's
     */
    public List<Patient> findByExternalId(String externalId, UserAccount owner) {
        var query = em.createQuery("select p from Patient p join fetch p.owner o"
                        + " where p.externalId = :externalId and p.removedAt is null"
                        + (owner == null ? "" : " and o = :owner")
                        + " order by o.username, p.id", Patient.class)
                .setParameter("externalId", Objects.requireNonNull(externalId, "externalId"));
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        return query.getResultList();
    }

    /** The patient with this id, whoever owns it. */
    public Optional<Patient> findById(long id) {
        return Optional.ofNullable(em.find(Patient.class, id));
    }

    /** Stores a new patient; an (owner, externalId) pair already used fails at flush. */
    public void add(Patient patient) {
        em.persist(Objects.requireNonNull(patient, "patient"));
    }

    /** The patient's panels, newest first, with their results loaded. */
    public List<LabPanel> panelsOf(Patient patient) {
        return em.createQuery("select distinct p from LabPanel p left join fetch p.results"
                        + " where p.patient = :patient order by p.receivedAt desc, p.id desc",
                        LabPanel.class)
                .setParameter("patient", patient)
                .getResultList();
    }

    /**
     * The panels stored for these patients, each with its canonical values and the file it
     * came from, in one query; a panel without results is left out.
     *
     * @param patientIds ids of patients, at most a few thousand
     * @return the panels, in no particular order
     */
    public List<StoredPanel> storedPanels(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Object[]>> byPanel = em.createQuery("select p.id, pa.id, p.ageYears,"
                        + " u.id, u.fileName, p.sourceRow, r.parameter, r.value"
                        + " from LabResult r join r.panel p join p.patient pa"
                        + " left join p.upload u where pa.id in :ids", Object[].class)
                .setParameter("ids", List.copyOf(patientIds))
                .getResultStream()
                .collect(Collectors.groupingBy(row -> (Long) row[0], LinkedHashMap::new,
                        Collectors.toList()));
        return byPanel.values().stream().map(rows -> {
            Object[] panel = rows.get(0);
            Map<String, Double> values = rows.stream()
                    .collect(Collectors.toMap(row -> (String) row[6], row -> (Double) row[7]));
            return new StoredPanel((Long) panel[1], (Long) panel[0], (Double) panel[2], values,
                    (Long) panel[3], (String) panel[4], (Integer) panel[5]);
        }).toList();
    }

    /** The panel with this id, whoever owns its patient. */
    public Optional<LabPanel> findPanel(long id) {
        return Optional.ofNullable(em.find(LabPanel.class, id));
    }

    /** Stores a new panel. */
    public void add(LabPanel panel) {
        em.persist(Objects.requireNonNull(panel, "panel"));
    }

    /** Stores a new note. */
    public void add(PatientNote note) {
        em.persist(Objects.requireNonNull(note, "note"));
    }

    /** The notes on {@code patient}, newest first, with their authors. */
    public List<PatientNote> notesOf(Patient patient) {
        return em.createQuery("select n from PatientNote n join fetch n.author"
                        + " where n.patient = :patient order by n.writtenAt desc, n.id desc",
                        PatientNote.class)
                .setParameter("patient", patient)
                .getResultList();
    }

    /** Number of patients owned by {@code owner}. */
    public long countOwnedBy(UserAccount owner) {
        return em.createQuery("select count(p) from Patient p where p.owner = :owner",
                        Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
    }
}
