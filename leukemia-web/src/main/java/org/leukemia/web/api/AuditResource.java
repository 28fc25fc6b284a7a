package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.leukemia.application.audit.AuditEntry;
import org.leukemia.application.audit.AuditFilter;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.persistence.audit.ChainVerification;

/** The audit trail, for auditors only: other roles get 403 from the service. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_PAGE = 500;

    @EJB
    private AuditTrail trail;

    /**
     * A page of the entries, newest first.
     *
     * @param actor only the entries of this username, or blank for all
     * @param targetType only the entries about this kind of record ("patient", "upload", ...)
     * @param targetId with a target type: only the entries about this record
     * @param first index of the first entry, from 0 (default 0)
     * @param max entries in the page, 1 to {@value #MAX_PAGE} (default 50); anything else is
     *     refused with 400, not cut
     */
    @GET
    public AuditPage entries(@QueryParam("actor") String actor,
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        Paging page = Paging.of(first, max, MAX_PAGE, "entries");
        if (targetType != null && !targetType.isBlank()
                && AuditTarget.fromKey(targetType.strip()).isEmpty()) {
            throw new BadRequestException("targetType is one of " + Arrays.stream(
                    AuditTarget.values()).map(AuditTarget::key).toList() + ": '" + targetType
                    + "' is none of them.");
        }
        AuditFilter filter = new AuditFilter(targetType, targetId, actor);
        List<AuditEntry> entries = trail.entries(filter, page.first(), page.max()).stream()
                .map(AuditEntry::of).toList();
        return new AuditPage(trail.count(filter), page.first(), entries);
    }

    /** Checks the whole chain, and records that it was checked. */
    @POST
    @Path("verification")
    public ChainVerification verify() {
        return trail.verify();
    }

    /**
     * A page of audit entries.
     *
     * @param total how many entries match the filter
     * @param first the index of the first entry of this page
     * @param entries the entries, newest first
     */
    public record AuditPage(long total, int first, List<AuditEntry> entries) {
    }
}
