package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.AccountSummary;
import org.leukemia.web.security.SessionCredentials;

/** The caller's own account: what it is, and a change of its password. */
@Path("account")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @EJB
    private AccountService accounts;

    @Context
    private HttpServletRequest request;

    /**
     * A change of the caller's own password.
     *
     * @param currentPassword the password the caller signed in with
     * @param newPassword the new password, which must meet the password policy
     */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /**
     * The caller's account.
     *
     * @param account the account as the administrator sees it
     * @param sessionTimeoutMinutes minutes without a request after which this session ends
     */
    public record Me(AccountSummary account, int sessionTimeoutMinutes) {
    }

    /** The caller's account and session. */
    @GET
    public Me me() {
        return new Me(accounts.currentSummary(),
                request.getSession().getMaxInactiveInterval() / 60);
    }

    /** Changes the caller's password; 204 when done. The caller's other sessions end. */
    @POST
    @Path("password")
    public Response changePassword(PasswordChange change) {
        if (change == null) {
            throw new BadRequestException("Send currentPassword and newPassword as JSON.");
        }
        SessionCredentials.remember(request,
                accounts.changeOwnPassword(change.currentPassword(), change.newPassword()));
        return Response.noContent().build();
    }
}
