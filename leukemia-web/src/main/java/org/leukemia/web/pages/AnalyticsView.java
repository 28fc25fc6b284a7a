package org.leukemia.web.pages;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.leukemia.application.analytics.Analytics;
import org.leukemia.application.analytics.AnalyticsPeriod;
import org.leukemia.application.analytics.AnalyticsService;

/**
 * The analytics page: charts of the caller's patients (every patient for an auditor) over a
 * period, the confusion matrix, and the export links, which download through the API so that
 * each export is made and audited in one place.
 */
@Named
@ViewScoped
public class AnalyticsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AnalyticsService service;

    private LocalDate from;
    private LocalDate to;
    private AnalyticsPeriod period = AnalyticsPeriod.ALL_TIME;
    private transient Analytics analytics;

    /** Computes the figures for all time. */
    @PostConstruct
    void load() {
        analytics = service.analytics(period);
    }

    /** Computes the figures again for the period chosen. */
    public void apply() {
        try {
            period = new AnalyticsPeriod(from, to);
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
                    FacesMessage.SEVERITY_WARN, e.getMessage(), null));
            return;
        }
        analytics = service.analytics(period);
    }

    /** @return the figures shown */
    public Analytics getAnalytics() {
        if (analytics == null) {
            analytics = service.analytics(period);
        }
        return analytics;
    }

    /** @return what every page and export of the analytics says first */
    public String getDisclaimer() {
        return Analytics.DISCLAIMER;
    }

    /** @return what is counted, and how */
    public String getCounting() {
        return Analytics.COUNTING;
    }

    /** @return how to read the agreement */
    public String getAgreementNote() {
        return Analytics.AGREEMENT_NOTE;
    }

    /** @return the Chart.js configuration of the subtype distribution */
    public String getDistributionChart() {
        return ChartConfig.distribution("Patients by the subtype of their latest prediction",
                getAnalytics().distribution());
    }

    /** @return the Chart.js configuration of the monthly trends */
    public String getMonthlyChart() {
        return ChartConfig.bars("Predictions made each month (UTC)", getAnalytics().months(),
                Analytics.Month::month, Analytics.Month::predictions, true);
    }

    /** @return the Chart.js configuration of the confidence histogram */
    public String getConfidenceChart() {
        return ChartConfig.bars("Patients by the confidence of their latest prediction",
                getAnalytics().confidence(), Analytics.ConfidenceBin::label,
                Analytics.ConfidenceBin::patients, false);
    }

    /**
     * The address of an export of the figures shown, relative to the application.
     *
     * @param format "xlsx" or "pdf"
     */
    public String exportUrl(String format) {
        StringBuilder url = new StringBuilder("api/analytics/export?format=").append(format);
        if (period.from() != null) {
            url.append("&from=").append(encode(period.from()));
        }
        if (period.to() != null) {
            url.append("&to=").append(encode(period.to()));
        }
        return url.toString();
    }

    private static String encode(LocalDate day) {
        return URLEncoder.encode(day.toString(), StandardCharsets.UTF_8);
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
