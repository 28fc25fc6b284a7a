package org.leukemia.application.patient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.Roles;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.UnitOfWork;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.patient.Diagnosis;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientNote;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.patient.Sex;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.user.UserAccount;

/**
 * What a doctor does to the record of a patient assigned to them: corrects the demographics,
 * records the diagnosis the specialised tests confirmed, adds a note, removes the patient.
 *
 * <p>Only the doctor the patient is assigned to changes the record; another doctor's patient
 * is reported as missing, and auditors and administrators are refused by role. Every change
 * is written to the audit trail in the same transaction, with the values before and after.
 */
@Stateless
@RolesAllowed(Roles.DOCTOR)
public class PatientService {

    /**
     * Returns for a doctor and refuses anyone else, as every change here does: lets a caller
     * refuse a role before it reads what it was sent, so that an auditor's change is refused
     * (and recorded) for the role even when its content is malformed.
     */
    public void requireChangeRights() {
        // the class's role check is the whole work
    }

    /** The earliest date of birth accepted. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final Logger LOG = Logger.getLogger(PatientService.class.getName());

    @EJB
    private AccountService accounts;

    @EJB
    private AuditTrail audit;

    @Inject
    private PatientRepository patients;

    @Inject
    private PredictionRepository predictions;

    @Inject
    private UnitOfWork work;

    /**
     * Corrects a patient's name, date of birth and sex.
     *
     * @param patientId the patient
     * @param seenVersion the record's version the doctor saw when making the change
     * @param fullName the name, or null or blank when not known
     * @param birthDate the date of birth, or null when not known
     * @param sex the sex; {@link Sex#UNKNOWN} when not known
     * @return the record's details after the change
     * @throws PatientNotFoundException if the patient is not the caller's
     * @throws PatientChangedException if the record changed since {@code seenVersion}
     * @throws PatientRecordException if a value is not acceptable
     */
    public PatientDetails describePatient(long patientId, long seenVersion, String fullName,
            LocalDate birthDate, Sex sex) {
        Patient patient = ownPatient(patientId, seenVersion, "change the demographics");
        String name = fullName == null || fullName.isBlank() ? null : fullName.strip();
        requireAcceptable(name, birthDate, sex);
        Map<String, Object> before = demographics(patient);

        patient.describe(name, birthDate);
        patient.correctSex(sex);
        writeAndFollow(patient);

        audit.recordChange(AuditTarget.PATIENT, patientId, before, demographics(patient));
        LOG.fine(() -> "Demographics of patient " + patientId + " corrected");
        return details(patient);
    }

    /**
     * Records the diagnosis the specialised tests confirmed, or withdraws one recorded by
     * mistake.
     *
     * @param patientId the patient
     * @param seenVersion the version the doctor saw, or null to record it on any version
     * @param diagnosis the diagnosis, or null to withdraw the one recorded
     * @return the record's details after the change
     * @throws PatientNotFoundException if the patient is not the caller's
     * @throws PatientChangedException if the record changed since {@code seenVersion}
     */
    public PatientDetails recordDiagnosis(long patientId, Long seenVersion,
            Diagnosis diagnosis) {
        Patient patient = ownPatient(patientId, seenVersion, "record the diagnosis");
        Map<String, Object> before = diagnosisOf(patient);

        if (patient.getConfirmedDiagnosis() == diagnosis) {
            return details(patient); // nothing to record
        }
        patient.recordDiagnosis(diagnosis, accounts.currentAccount());
        writeAndFollow(patient);

        audit.recordChange(AuditTarget.PATIENT, patientId, before, diagnosisOf(patient));
        LOG.info(() -> "Confirmed diagnosis of patient " + patientId
                + (diagnosis == null ? " withdrawn" : " recorded"));
        return details(patient);
    }

    /**
     * Adds a note to a patient's record. Notes are never changed; a correction is a new note.
     *
     * @param patientId the patient
     * @param body the text, at most {@value PatientNote#MAX_BODY} characters
     * @return the record's details with the note
     * @throws PatientNotFoundException if the patient is not the caller's
     * @throws PatientRecordException if the note is empty or too long
     */
    public PatientDetails addNote(long patientId, String body) {
        Patient patient = ownPatient(patientId, null, "add a note");
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new PatientRecordException("A note cannot be empty: write something, or"
                    + " leave it.");
        }
        if (text.length() > PatientNote.MAX_BODY) {
            throw new PatientRecordException("A note has at most " + PatientNote.MAX_BODY
                    + " characters; this one has " + text.length() + ".");
        }

        PatientNote note = new PatientNote(patient, accounts.currentAccount(), text);
        patients.add(note);
        write();

        Map<String, Object> created = new LinkedHashMap<>();
        created.put("note", note.getId());
        created.put("body", note.getBody());
        audit.record(AuditAction.CREATE, AuditTarget.PATIENT, patientId, created);
        LOG.fine(() -> "Note " + note.getId() + " added to patient " + patientId);
        return details(patient);
    }

    /**
     * Removes a patient: it leaves every list and page, and its rows in later uploads are
     * refused. The data stay, and the audit trail keeps who removed it and when.
     *
     * @param patientId the patient
     * @param seenVersion the version the doctor saw, or null to remove it whatever changed
     * @throws PatientNotFoundException if the patient is not the caller's (or was removed)
     * @throws PatientChangedException if the record changed since {@code seenVersion}
     */
    public void removePatient(long patientId, Long seenVersion) {
        Patient patient = ownPatient(patientId, seenVersion, "remove the patient");

        patient.remove(accounts.currentAccount());
        writeAndFollow(patient);

        Map<String, Object> removed = new LinkedHashMap<>();
        removed.put("externalId", patient.getExternalId());
        removed.put("removedAt", patient.getRemovedAt());
        audit.record(AuditAction.REMOVE, AuditTarget.PATIENT, patientId, removed);
        LOG.info(() -> "Patient " + patientId + " removed");
    }

    private Patient ownPatient(long patientId, Long seenVersion, String asked) {
        UserAccount caller = accounts.currentAccount();
        Optional<Patient> found = patients.findById(patientId);
        Patient patient = found.filter(p -> p.isOwnedBy(caller) && !p.isRemoved())
                .orElseThrow(() -> HiddenPatients.refuse(audit, patientId, found, asked));
        if (seenVersion != null && seenVersion != patient.getRowVersion()) {
            throw new PatientChangedException();
        }
        return patient;
    }

    /**
     * Writes the change now, then brings the patient's predictions, which carry a copy of
     * its name, diagnosis and removal for the patient list, in step with it.
     */
    private void writeAndFollow(Patient patient) {
        write();
        predictions.followPatient(patient);
    }

    /** Writes the change now, so that a concurrent change of the same record is met here. */
    private void write() {
        try {
            work.flush();
        } catch (OptimisticLockException e) {
            throw new PatientChangedException();
        }
    }

    private static void requireAcceptable(String name, LocalDate birthDate, Sex sex) {
        if (name != null && name.length() > Patient.MAX_FULL_NAME) {
            throw new PatientRecordException("A name has at most " + Patient.MAX_FULL_NAME
                    + " characters; this one has " + name.length() + ".");
        }
        LocalDate today = Timestamps.nowUtc().toLocalDate();
        if (birthDate != null && birthDate.isAfter(today)) {
            throw new PatientRecordException("The date of birth " + birthDate
                    + " lies in the future (today is " + today + ").");
        }
        if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new PatientRecordException("The date of birth " + birthDate
                    + " is before " + EARLIEST_BIRTH_DATE + ": check the year.");
        }
        if (sex == null) {
            throw new PatientRecordException("Choose the sex: FEMALE, MALE or UNKNOWN.");
        }
    }

    private static Map<String, Object> demographics(Patient patient) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("fullName", patient.getFullName());
        fields.put("birthDate", patient.getBirthDate());
        fields.put("sex", patient.getSex().name());
        return fields;
    }

    private static Map<String, Object> diagnosisOf(Patient patient) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("confirmedDiagnosis", patient.getConfirmedDiagnosis() == null ? null
                : patient.getConfirmedDiagnosis().name());
        return fields;
    }

    private PatientDetails details(Patient patient) {
        return PatientDetails.of(patient, patients.notesOf(patient));
    }
}
