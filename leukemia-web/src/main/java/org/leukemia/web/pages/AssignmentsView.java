package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leukemia.application.patient.PatientAssignment;
import org.leukemia.application.patient.PatientAssignmentService;
import org.leukemia.application.patient.PatientNotFoundException;
import org.leukemia.application.patient.PatientRecordException;

/**
 * The administrator's page of the doctor–patient mapping: find a patient by the hospital's
 * identifier, see which doctor it is assigned to, assign it to another.
 */
@Named
@ViewScoped
public class AssignmentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PatientAssignmentService assignments;

    @Inject
    private FacesContext faces;

    private String identifier;
    private String doctor;
    private List<PatientAssignment> found = List.of();
    private List<String> doctors;
    private final Map<Long, String> assignTo = new HashMap<>();

    /** Finds the patients with the identifier (and doctor) of the form. */
    public void search() {
        found = assignments.find(identifier, doctor);
        assignTo.clear();
        if (found.isEmpty()) {
            info(FacesMessage.SEVERITY_WARN, "No patient has the identifier '" + identifier
                    + "'" + (doctor == null || doctor.isBlank() ? "" : " with " + doctor) + ".");
        }
    }

    /**
     * Assigns one of the patients found to the doctor chosen on its line.
     *
     * @param patientId the patient
     */
    public void assign(long patientId) {
        String to = assignTo.get(patientId);
        try {
            PatientAssignment done = assignments.assign(patientId, to);
            found = found.stream().map(a -> a.patientId() == patientId ? done : a).toList();
            info(FacesMessage.SEVERITY_INFO, "Patient " + done.externalId() + " is now assigned"
                    + " to " + done.doctor() + ".");
        } catch (PatientRecordException e) {
            info(FacesMessage.SEVERITY_ERROR, e.getMessage());
        } catch (PatientNotFoundException e) {
            info(FacesMessage.SEVERITY_ERROR, "The patient no longer exists or was removed.");
        }
    }

    private void info(FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }

    /** @return the enabled doctors, to choose from */
    public List<String> getDoctors() {
        if (doctors == null) {
            doctors = assignments.doctors();
        }
        return doctors;
    }

    /** @return the patients found */
    public List<PatientAssignment> getFound() {
        return found;
    }

    /** @return the doctor chosen for each patient found, by patient id */
    public Map<Long, String> getAssignTo() {
        return assignTo;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getDoctor() {
        return doctor;
    }

    public void setDoctor(String doctor) {
        this.doctor = doctor;
    }
}
