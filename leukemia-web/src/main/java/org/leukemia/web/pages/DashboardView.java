package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.leukemia.application.patient.PatientQueryService;
import org.leukemia.application.patient.PredictionSummary;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The doctor's patient list: their predictions, newest first, paged in the database. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PatientQueryService patients;

    private final LazyDataModel<PredictionSummary> predictions = new PredictionPages();

    /** @return the lazy table model */
    public LazyDataModel<PredictionSummary> getPredictions() {
        return predictions;
    }

    private final class PredictionPages extends LazyDataModel<PredictionSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, patients.dashboardSize());
        }

        @Override
        public List<PredictionSummary> load(int first, int pageSize, Map<String, SortMeta> sort,
                Map<String, FilterMeta> filters) {
            return patients.dashboard(first, pageSize);
        }
    }
}
