package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leukemia.application.export.ExportFormat;
import org.leukemia.application.export.ExportedFile;
import org.leukemia.application.patient.PatientQueryService;
import org.leukemia.application.patient.PatientQueryService.ListSize;
import org.leukemia.application.patient.PredictionSummary;
import org.leukemia.persistence.prediction.InvalidCriteriaException;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionSort;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;

/**
 * The patient list: one line per prediction (a patient with three panels has three lines,
 * each the suggestion made from one panel), newest first. Paging, sorting and each column's
 * filter are turned into {@link PredictionCriteria} and {@link PredictionSort} and run as
 * database queries; the table's filter and sort state stays with the view, and the list it
 * shows can be exported as a workbook or a PDF.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A probability range in percent: "80-95", "80-" or "-95". */
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(\\d{1,3}(?:[.,]\\d+)?)?\\s*[-–]\\s*(\\d{1,3}(?:[.,]\\d+)?)?\\s*%?\\s*");

    @EJB
    private PatientQueryService patients;

    private final LazyDataModel<PredictionSummary> predictions = new PredictionPages();
    private ListSize size = new ListSize(0, false);
    private String refused;
    private PredictionCriteria shownCriteria = PredictionCriteria.NONE;
    private PredictionSort shownSort = PredictionSort.NEWEST_FIRST;

    /** @return the lazy table model */
    public LazyDataModel<PredictionSummary> getPredictions() {
        return predictions;
    }

    /**
     * The list as the table shows it (the same filters, in the same order) as a file to
     * download; nothing, with a message, while a filter cannot be used.
     *
     * @param format "xlsx" or "pdf"
     */
    public StreamedContent export(String format) {
        if (refused != null) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
                    FacesMessage.SEVERITY_ERROR, "Nothing exported. " + refused, null));
            return null;
        }
        ExportedFile file = patients.exportPatientList(shownCriteria, shownSort,
                ExportFormat.named(format));
        return DefaultStreamedContent.builder().name(file.fileName())
                .contentType(file.format().contentType())
                .contentLength((long) file.content().length)
                .stream(() -> new ByteArrayInputStream(file.content())).build();
    }

    /**
     * What the table shows when it has no line: why the filters cannot be used, when they
     * cannot, so that a refused filter never looks like an empty list. The table reads this
     * after it has counted its lines, in the same rendering, whatever else the page updates.
     */
    public String getEmptyMessage() {
        return refused != null ? "The list cannot be shown. " + refused
                : "No patients yet, or none that the filters match. Doctors add patients by"
                        + " uploading a workbook.";
    }

    /** @return how many lines the filters select, as the page says it */
    public String getSizeText() {
        if (refused != null) {
            return "";
        }
        if (size.more()) {
            return String.format(Locale.ROOT, "More than %,d predictions match: the pages show"
                    + " the first %,d. Refine the filters to reach the others.", size.shown(),
                    size.shown());
        }
        return String.format(Locale.ROOT, "%,d %s", size.shown(),
                size.shown() == 1 ? "prediction" : "predictions");
    }

    /**
     * Turns the table's filters into criteria.
     *
     * @throws InvalidCriteriaException for a filter that cannot be read or met, with what to
     *     correct
     */
    static PredictionCriteria criteria(Map<String, FilterMeta> filters) {
        PredictionCriteria.Builder criteria = PredictionCriteria.builder();
        for (FilterMeta filter : filters.values()) {
            Object value = filter.getFilterValue();
            if (value == null || value instanceof String text && text.isBlank()
                    || value instanceof Collection<?> list && list.isEmpty()) {
                continue;
            }
            switch (filter.getField()) {
                case "patient" -> criteria.text(value.toString());
                case "subtype" -> criteria.subtype(value.toString());
                case "confidence" -> confidence(criteria, value.toString());
                case "predictedAt" -> dates(criteria, value);
                case "modelVersion" -> criteria.modelVersion(number(value, "model version")
                        .intValue());
                case "upload" -> criteria.upload(number(value, "upload"));
                case "diagnosis" -> criteria.diagnosed(switch (value.toString()) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw new InvalidCriteriaException("The diagnosis filter is"
                            + " 'yes' or 'no': " + value + ".");
                });
                default -> throw new IllegalStateException("The patient list has no filter on "
                        + filter.getField());
            }
        }
        return criteria.build();
    }

    /** Turns the table's sort into the list's; none is newest first. */
    static PredictionSort sort(Map<String, SortMeta> sorts) {
        SortMeta sort = sorts.values().stream()
                .filter(s -> s.getOrder() != SortOrder.UNSORTED)
                .min((a, b) -> Integer.compare(a.getPriority(), b.getPriority()))
                .orElse(null);
        if (sort == null) {
            return PredictionSort.NEWEST_FIRST;
        }
        if (sorts.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).count() > 1) {
            throw new IllegalStateException("The patient list sorts by one column at a time");
        }
        PredictionSort.Column column = switch (sort.getField()) {
            case "predictedAt" -> PredictionSort.Column.PREDICTED_AT;
            case "confidence" -> PredictionSort.Column.CONFIDENCE;
            case "subtype" -> PredictionSort.Column.SUBTYPE;
            case "patient" -> PredictionSort.Column.PATIENT;
            default -> throw new IllegalStateException("The patient list cannot be sorted by "
                    + sort.getField());
        };
        return new PredictionSort(column, sort.getOrder() == SortOrder.ASCENDING);
    }

    private static void confidence(PredictionCriteria.Builder criteria, String text) {
        Matcher range = RANGE.matcher(text);
        if (!range.matches() || range.group(1) == null && range.group(2) == null) {
            throw new InvalidCriteriaException("The probability filter '" + text + "' is not a"
                    + " range in percent such as 80-95, 80- or -50.");
        }
        criteria.confidence(fraction(range.group(1)), fraction(range.group(2)));
    }

    private static Double fraction(String percent) {
        return percent == null ? null : Double.parseDouble(percent.replace(',', '.')) / 100;
    }

    private static void dates(PredictionCriteria.Builder criteria, Object value) {
        if (value instanceof List<?> days && !days.isEmpty()
                && days.stream().allMatch(LocalDate.class::isInstance)) {
            LocalDate first = (LocalDate) days.get(0);
            criteria.predictedBetween(first, (LocalDate) days.get(days.size() - 1));
        } else if (value instanceof LocalDate day) {
            criteria.predictedBetween(day, day);
        } else {
            throw new InvalidCriteriaException("The date filter is a day or a range of days: "
                    + value + ".");
        }
    }

    private static Long number(Object value, String what) {
        try {
            return Long.valueOf(value.toString().strip().replaceFirst("^[#v]", ""));
        } catch (NumberFormatException e) {
            throw new InvalidCriteriaException("The " + what + " filter is a number: " + value
                    + ".");
        }
    }

    private final class PredictionPages extends LazyDataModel<PredictionSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            try {
                PredictionCriteria criteria = criteria(filters);
                size = patients.patientListSize(criteria);
                shownCriteria = criteria;
                refused = null;
            } catch (InvalidCriteriaException e) {
                // the table shows no line, and the message says what to correct
                FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
                        FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
                size = new ListSize(0, false);
                refused = e.getMessage();
            }
            return size.shown();
        }

        @Override
        public List<PredictionSummary> load(int first, int pageSize, Map<String, SortMeta> sort,
                Map<String, FilterMeta> filters) {
            if (refused != null) {
                return List.of();
            }
            shownCriteria = criteria(filters);
            shownSort = sort(sort);
            return patients.patientList(shownCriteria, shownSort, first, pageSize);
        }
    }
}
