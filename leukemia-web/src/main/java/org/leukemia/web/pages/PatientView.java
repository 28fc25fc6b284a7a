package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.leukemia.application.patient.PatientChangedException;
import org.leukemia.application.patient.PatientDetails;
import org.leukemia.application.patient.PatientNotFoundException;
import org.leukemia.application.patient.PatientQueryService;
import org.leukemia.application.patient.PatientRecord;
import org.leukemia.application.patient.PatientRecordException;
import org.leukemia.application.patient.PatientService;
import org.leukemia.persistence.patient.Diagnosis;
import org.leukemia.persistence.patient.Sex;
import org.leukemia.web.security.Refusals;

/**
 * One patient's values and predictions and, for the doctor the patient is assigned to, the
 * forms that manage the record: demographics, confirmed diagnosis, notes, removal. Auditors
 * read the same page without the forms; the service refuses their changes in any case.
 */
@Named
@ViewScoped
public class PatientView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PatientQueryService patients;

    @EJB
    private PatientService records;

    @Inject
    private FacesContext faces;

    private String id;
    private PatientRecord record;

    private String fullName;
    private LocalDate birthDate;
    private Sex sex;
    private Diagnosis diagnosis;
    private String note;
    private boolean removed;

    /**
     * Loads the record named by the {@code id} parameter. A patient the caller may not see
     * answers 404, exactly like one that does not exist.
     */
    public void load() throws IOException {
        ExternalContext external = faces.getExternalContext();
        try {
            record = patients.patientRecord(parseId());
            fillForms();
        } catch (PatientNotFoundException e) {
            external.responseSendError(404, "No such patient");
            faces.responseComplete();
        }
    }

    private long parseId() {
        try {
            return Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            throw new PatientNotFoundException(-1);
        }
    }

    private void fillForms() {
        fullName = record.fullName();
        birthDate = record.birthDate();
        sex = Sex.valueOf(record.sex());
        diagnosis = record.confirmedDiagnosis() == null ? null
                : Diagnosis.valueOf(record.confirmedDiagnosis());
    }

    /** Saves the demographics of the form, on the version of the record shown. */
    public void saveDemographics() {
        change(() -> records.describePatient(record.patientId(), record.version(), fullName,
                birthDate, sex), "Demographics saved.");
    }

    /** Records the diagnosis chosen, or withdraws it when none is chosen. */
    public void saveDiagnosis() {
        change(() -> records.recordDiagnosis(record.patientId(), record.version(), diagnosis),
                diagnosis == null ? "No confirmed diagnosis recorded."
                        : "Confirmed diagnosis " + diagnosis + " recorded.");
    }

    /** Adds the note of the form. */
    public void addNote() {
        if (change(() -> records.addNote(record.patientId(), note), "Note added.")) {
            note = null;
        }
    }

    /** Removes the patient; the page then says so and offers the way back to the list. */
    public void remove() {
        try {
            records.removePatient(record.patientId(), record.version());
        } catch (PatientRecordException | PatientChangedException | PatientNotFoundException
                | EJBAccessException e) {
            refused(e);
            return;
        }
        removed = true;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Patient "
                + record.externalId() + " removed. The audit trail keeps who removed it and"
                + " when.", null));
    }

    /** Runs a change; its answer or its refusal becomes the page's message. */
    private boolean change(Supplier<PatientDetails> action, String done) {
        try {
            record = record.with(action.get());
            fillForms();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
            return true;
        } catch (PatientRecordException | PatientChangedException | PatientNotFoundException
                | EJBAccessException e) {
            refused(e);
            return false;
        }
    }

    private void refused(RuntimeException e) {
        if (e instanceof EJBAccessException) {
            Refusals.roleRefused((HttpServletRequest) faces.getExternalContext().getRequest());
        }
        String message = e instanceof PatientNotFoundException
                ? "This patient is no longer yours, or was removed; nothing was changed."
                : e instanceof EJBAccessException ? "Your role does not allow this."
                : e.getMessage();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /** @return the id from the URL, as typed */
    public String getId() {
        return id;
    }

    /** @param id the id from the URL, as typed */
    public void setId(String id) {
        this.id = id;
    }

    /** @return the loaded record */
    public PatientRecord getRecord() {
        return record;
    }

    /** @return whether the patient was removed from this page */
    public boolean isRemoved() {
        return removed;
    }

    /** @return the sexes to choose from */
    public Sex[] getSexes() {
        return Sex.values();
    }

    /** @return the diagnoses to choose from */
    public Diagnosis[] getDiagnoses() {
        return Diagnosis.values();
    }

    /** @return today, the latest date of birth accepted */
    public LocalDate getToday() {
        return LocalDate.now(java.time.ZoneOffset.UTC);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public Diagnosis getDiagnosis() {
        return diagnosis;
    }

    public void setDiagnosis(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
