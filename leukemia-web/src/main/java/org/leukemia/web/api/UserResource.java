package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.leukemia.application.account.AccountService;
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
     * @param password at least {@value AccountService#MIN_PASSWORD_LENGTH} characters
     * @param displayName the name shown on pages
     * @param roles DOCTOR, ADMIN and/or AUDITOR
     */
    public record NewUser(String username, String password, String displayName,
            List<String> roles) {
    }

    /** What the API returns about an account (never its password hash). */
    public record UserView(String username, String displayName, Set<Role> roles) {
    }

    /** Registers a user. */
    @POST
    public Response register(NewUser request) {
        if (request == null) {
            throw new BadRequestException("Send the new account as JSON.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles() != null) {
            request.roles().forEach(r -> roles.add(role(r)));
        }
        UserAccount account = accounts.registerUser(request.username(), request.password(),
                request.displayName(), roles);
        return Response.status(Response.Status.CREATED)
                .entity(new UserView(account.getUsername(), account.getDisplayName(),
                        account.getRoles()))
                .build();
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
