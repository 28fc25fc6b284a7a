package org.leukemia.application.patient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.leukemia.application.account.Roles;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * The doctor–patient mapping, as administrators keep it: find a patient by the hospital's
 * identifier and assign it to another doctor. Administrators see which doctor a patient is
 * assigned to, and nothing of its results.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class PatientAssignmentService {

    private static final Logger LOG = Logger.getLogger(
            PatientAssignmentService.class.getName());

    @EJB
    private AuditTrail audit;

    @Inject
    private PatientRepository patients;

    @Inject
    private PredictionRepository predictions;

    @Inject
    private UserAccountRepository users;

    /**
     * The patients known by an identifier, with their doctors; removed patients are left out.
     *
     * @param externalId the hospital's identifier, exactly
     * @param doctor only this doctor's patient (a username), or null or blank for any doctor's
     * @return the patients, by doctor
     */
    public List<PatientAssignment> find(String externalId, String doctor) {
        if (externalId == null || externalId.isBlank()) {
            return List.of();
        }
        UserAccount owner = null;
        if (doctor != null && !doctor.isBlank()) {
            owner = users.findByUsername(doctor.strip().toLowerCase(Locale.ROOT)).orElse(null);
            if (owner == null) {
                return List.of();
            }
        }
        return patients.findByExternalId(externalId.strip(), owner).stream()
                .map(PatientAssignmentService::assignment).toList();
    }

    /** @return the enabled doctors' usernames, in order, for choosing whom to assign to */
    public List<String> doctors() {
        return users.findAll().stream()
                .filter(u -> u.isEnabled() && u.hasRole(Role.DOCTOR))
                .map(UserAccount::getUsername).sorted().toList();
    }

    /**
     * Assigns a patient to another doctor, who from then on sees and changes it; the doctor
     * before no longer does.
     *
     * @param patientId the patient
     * @param doctor the username of the doctor to assign it to
     * @return the new assignment
     * @throws PatientNotFoundException if there is no such patient, or it was removed
     * @throws PatientRecordException if the account is not an enabled doctor's, or that doctor
     *     already has a patient with the same identifier
     */
    public PatientAssignment assign(long patientId, String doctor) {
        Patient patient = patients.findById(patientId).filter(p -> !p.isRemoved())
                .orElseThrow(() -> new PatientNotFoundException(patientId));
        String username = doctor == null ? "" : doctor.strip().toLowerCase(Locale.ROOT);
        UserAccount to = users.findByUsername(username)
                .filter(u -> u.isEnabled() && u.hasRole(Role.DOCTOR))
                .orElseThrow(() -> new PatientRecordException("'" + username + "' is not the"
                        + " username of an enabled doctor's account."));
        UserAccount from = patient.getOwner();
        if (from.equals(to)) {
            throw new PatientRecordException("The patient is assigned to " + username
                    + " already.");
        }
        if (patients.findOwned(patient.getExternalId(), to).isPresent()) {
            throw new PatientRecordException(username + " already has a patient with the"
                    + " identifier " + patient.getExternalId() + " (perhaps one removed): a"
                    + " doctor knows each identifier once. Nothing changed.");
        }

        patient.assignTo(to);
        predictions.followPatient(patient);

        audit.recordChange(AuditTarget.PATIENT, patientId, Map.of("owner", from.getUsername()),
                Map.of("owner", to.getUsername()));
        LOG.info(() -> "Patient " + patientId + " assigned from " + from.getUsername() + " to "
                + to.getUsername());
        return assignment(patient);
    }

    private static PatientAssignment assignment(Patient patient) {
        return new PatientAssignment(patient.getId(), patient.getExternalId(),
                patient.getOwner().getUsername(), patient.getOwner().getDisplayName());
    }
}
