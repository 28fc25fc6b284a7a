package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.leukemia.application.patient.PatientNotFoundException;
import org.leukemia.application.patient.PatientQueryService;
import org.leukemia.application.patient.PatientRecord;

/** One patient's values and predictions. */
@Named
@ViewScoped
public class PatientView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PatientQueryService patients;

    @Inject
    private FacesContext faces;

    private String id;
    private PatientRecord record;

    /**
     * Loads the record named by the {@code id} parameter. A patient the caller may not see
     * answers 404, exactly like one that does not exist.
     */
    public void load() throws IOException {
        ExternalContext external = faces.getExternalContext();
        try {
            record = patients.patientRecord(parseId());
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
}
