package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.AccountSummary;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/** User administration; the service allows it to administrators only. */
@Path("admin/users")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @EJB
    private AccountService accounts;

    /**
     * A new account.
     *
     * @param username lower-case login name
     * @param password at least {@value AccountService#MIN_PASSWORD_LENGTH} characters, hard to
     *     guess, without the username
     * @param displayName the name shown on pages
     * @param roles DOCTOR, ADMIN and/or AUDITOR
     */
    public record NewUser(String username, String password, String displayName,
            List<String> roles) {
    }

    /**
     * A change of an account's name and roles.
     *
     * @param displayName the name shown on pages; unchanged if absent
     * @param roles the roles the account has from now on: DOCTOR, ADMIN and/or AUDITOR
     */
    public record AccountChange(String displayName, List<String> roles) {
    }

    /**
     * A password reset.
     *
     * @param temporaryPassword the temporary password; absent to have one generated
     */
    public record PasswordReset(String temporaryPassword) {
    }

    /**
     * The answer to a password reset.
     *
     * @param username the account
     * @param temporaryPassword the generated password, shown only in this answer; {@code null}
     *     when the administrator chose it
     */
    public record PasswordResetDone(String username, String temporaryPassword) {
    }

    /** What the API returns about a new account (never its password hash). */
    public record UserView(String username, String displayName, Set<Role> roles) {
    }

    /** Registers a user. */
    @POST
    public Response register(NewUser request) {
        if (request == null) {
            throw new BadRequestException("Send the new account as JSON.");
        }
        UserAccount account = accounts.registerUser(request.username(), request.password(),
                request.displayName(), roles(request.roles()));
        return Response.status(Response.Status.CREATED)
                .entity(new UserView(account.getUsername(), account.getDisplayName(),
                        account.getRoles()))
                .build();
    }

    /** Every account with its state, ordered by username. */
    @GET
    public List<AccountSummary> list() {
        return accounts.allUsers();
    }

    /** Changes an account's name and roles. */
    @PUT
    @Path("{username}")
    public AccountSummary update(@PathParam("username") String username,
            AccountChange change) {
        if (change == null || change.roles() == null) {
            throw new BadRequestException("Send the account's displayName and roles as JSON.");
        }
        return accounts.updateAccount(username, change.displayName(), roles(change.roles()));
    }

    /** Stops an account from signing in; its open sessions end at their next request. */
    @POST
    @Path("{username}/disable")
    public AccountSummary disable(@PathParam("username") String username) {
        return accounts.disableAccount(username);
    }

    /** Lets a disabled account sign in again. */
    @POST
    @Path("{username}/enable")
    public AccountSummary enable(@PathParam("username") String username) {
        return accounts.enableAccount(username);
    }

    /** Ends a lock from failed sign-ins. */
    @POST
    @Path("{username}/unlock")
    public AccountSummary unlock(@PathParam("username") String username) {
        return accounts.unlockAccount(username);
    }

    /** Gives an account a temporary password that the user must change at next sign-in. */
    @POST
    @Path("{username}/password-reset")
    public PasswordResetDone resetPassword(@PathParam("username") String username,
            PasswordReset reset) {
        String chosen = reset == null ? null : reset.temporaryPassword();
        String given = accounts.resetPassword(username, chosen);
        boolean generated = chosen == null || chosen.isBlank();
        return new PasswordResetDone(username.trim().toLowerCase(Locale.ROOT),
                generated ? given : null);
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(r -> roles.add(role(r)));
        }
        return roles;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown role '" + name + "': use "
                    + Arrays.toString(Role.values()) + ".");
        }
    }
}
