package org.leukemia.application.account;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.config.ConfigKeys;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * User accounts: the first administrator, the accounts an administrator registers, and the
 * account behind the current caller.
 *
 * <p>Passwords are hashed with the platform's PBKDF2 implementation, the same one the identity
 * store uses to check them at login.
 */
@Stateless
public class AccountService {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    static final String ADMIN_USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Inject
    private UserAccountRepository users;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private SecurityContext securityContext;

    @Inject
    @ConfigProperty(name = ConfigKeys.ADMIN_INITIAL_PASSWORD)
    private Optional<String> initialAdminPassword;

    /**
     * Creates the administrator on first start. Its password comes from configuration; without
     * one, a random password is generated and written once to the log, so that no installation
     * ever runs with a known default password.
     */
    @PermitAll
    public void ensureAdministrator() {
        if (users.count() > 0) {
            return;
        }
        Optional<String> configured = initialAdminPassword.filter(p -> !p.isBlank());
        if (configured.isPresent() && configured.get().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("The setting " + ConfigKeys.ADMIN_INITIAL_PASSWORD
                    + " is shorter than " + MIN_PASSWORD_LENGTH + " characters: choose a"
                    + " longer password, or leave it unset to have one generated.");
        }
        String password = configured.orElseGet(AccountService::randomPassword);

        users.add(new UserAccount(ADMIN_USERNAME, hash(password), "Administrator",
                Set.of(Role.ADMIN)));

        if (configured.isPresent()) {
            LOG.info("Created the administrator account 'admin' with the configured password");
        } else {
            LOG.warning("Created the administrator account 'admin' with the generated password "
                    + password + " (shown only this once: sign in and store it safely)");
        }
    }

    /**
     * Registers a new user.
     *
     * @throws AccountException if the username is taken or malformed, or the password too weak
     */
    @RolesAllowed(Roles.ADMIN)
    public UserAccount registerUser(String username, String password, String displayName,
            Set<Role> roles) {
        String name = username == null ? "" : username.trim().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException("A username has 2 to 64 characters: lower-case letters,"
                    + " digits, dots, dashes or underscores.");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new AccountException("The username '" + name + "' is already taken.");
        }
        requireStrongEnough(password);
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("A user needs at least one role.");
        }

        UserAccount account = new UserAccount(name, hash(password),
                displayName == null || displayName.isBlank() ? name : displayName.trim(), roles);
        users.add(account);

        LOG.info(() -> "Registered user " + name + " with roles " + roles);
        return account;
    }

    /** Every account, for the administrator's page. */
    @RolesAllowed(Roles.ADMIN)
    public List<UserAccount> allUsers() {
        return users.findAll();
    }

    /**
     * The account of the authenticated caller.
     *
     * @throws AccountException if nobody is signed in or the account no longer exists
     */
    @PermitAll
    public UserAccount currentAccount() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            throw new AccountException("Nobody is signed in.");
        }
        return users.findByUsername(caller.getName())
                .filter(UserAccount::isEnabled)
                .orElseThrow(() -> new AccountException("No active account for the caller."));
    }

    private String hash(String password) {
        passwordHash.initialize(Map.of());
        return passwordHash.generate(password.toCharArray());
    }

    private static void requireStrongEnough(String password) {
        if (password == null || password.strip().length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("A password has at least " + MIN_PASSWORD_LENGTH
                    + " characters, spaces at either end not counted.");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
