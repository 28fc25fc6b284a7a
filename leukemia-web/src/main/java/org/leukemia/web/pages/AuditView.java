package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.leukemia.application.audit.AuditEntry;
import org.leukemia.application.audit.AuditFilter;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.persistence.audit.ChainVerification;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The auditor's page: the audit trail newest first, paged in the database and filtered by
 * actor and target, and the check of the whole hash chain.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditTrail trail;

    private String actor;
    private String targetType;
    private String targetId;
    private AuditFilter filter = AuditFilter.ALL;
    private String verification;
    private boolean intact;

    private final LazyDataModel<AuditEntry> entries = new EntryPages();

    /** Shows only the entries that match the filter fields. */
    public void search() {
        filter = new AuditFilter(targetType, targetId, actor);
        if (FacesContext.getCurrentInstance().getViewRoot()
                .findComponent(":audit:entries") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** Checks the whole chain and says where it breaks, if it does. */
    public void verify() {
        ChainVerification result = trail.verify();
        intact = result.intact();
        verification = result.intact()
                ? "The chain is intact: " + result.entriesChecked() + " entries, last hash "
                        + result.lastHash() + "."
                : "The chain is broken at entry " + result.brokenAt() + ": " + result.problem();
    }

    /** @return the kinds of record the trail names, for the filter */
    public List<String> getTargetTypes() {
        return Arrays.stream(AuditTarget.values()).map(AuditTarget::key).toList();
    }

    /** @return the lazy table model */
    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    /** @return the outcome of the last check in words, or null before any */
    public String getVerification() {
        return verification;
    }

    /** @return whether the last check found the chain intact */
    public boolean isIntact() {
        return intact;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getTargetType() {
        return targetType;
    }

    public void setTargetType(String targetType) {
        this.targetType = targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    private final class EntryPages extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, trail.count(filter));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sort,
                Map<String, FilterMeta> filters) {
            return trail.entries(filter, first, pageSize).stream().map(AuditEntry::of).toList();
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return Long.toString(entry.seq());
        }
    }
}
