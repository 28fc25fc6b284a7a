package org.leukemia.application.account;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.application.config.ConfigKeys;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * User accounts: the first administrator, the accounts an administrator registers, disables,
 * unlocks and resets, each user's own password, the outcome of every sign-in, and the account
 * behind the current caller.
 *
 * <p>Passwords are hashed with the platform's PBKDF2 implementation, the same one the identity
 * store uses to check them at login, and must meet the {@link PasswordPolicy}. Failed sign-ins
 * are counted on the account in the database, so that the limit holds on every server.
 *
 * <p>Each event of an account's life goes through one method of its own (see the end of this
 * class), which records it in the audit trail, in the transaction of the change, and in the
 * server log; none of them is ever given a password or a hash.
 */
@Stateless
public class AccountService {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    static final String ADMIN_USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private UserAccountRepository users;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private AuditTrail audit;

    @Resource
    private SessionContext self;

    @Inject
    @ConfigProperty(name = ConfigKeys.ADMIN_INITIAL_PASSWORD)
    private Optional<String> initialAdminPassword;

    @Inject
    @ConfigProperty(name = ConfigKeys.SIGNIN_MAX_FAILURES,
            defaultValue = "" + SignInLimits.DEFAULT_MAX_FAILURES)
    private int maxFailures;

    @Inject
    @ConfigProperty(name = ConfigKeys.SIGNIN_LOCK_MINUTES,
            defaultValue = "" + SignInLimits.DEFAULT_LOCK_MINUTES)
    private int lockMinutes;

    private SignInLimits limits;

    /** A hash to check against when nobody has the username, so that it takes as long. */
    private String unknownUserHash;

    @PostConstruct
    void readLimits() {
        limits = new SignInLimits(maxFailures, Duration.ofMinutes(lockMinutes),
                Clock.systemUTC());
        unknownUserHash = hash(randomPassword());
    }

    /**
     * Creates the administrator on first start. Its password comes from configuration; without
     * one, a random password is generated and written once to the log, so that no installation
     * ever runs with a known default password, and it must be replaced at the first sign-in.
     */
    @PermitAll
    public void ensureAdministrator() {
        if (users.count() > 0) {
            return;
        }
        Optional<String> configured = initialAdminPassword.filter(p -> !p.isBlank());
        // Only the length is checked, as before the password policy, so that a setting that
        // started an installation still does; the administrator can change it once signed in.
        if (configured.isPresent() && configured.get().strip().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("The setting " + ConfigKeys.ADMIN_INITIAL_PASSWORD
                    + " is shorter than " + MIN_PASSWORD_LENGTH + " characters: choose a"
                    + " longer password, or leave it unset to have one generated.");
        }
        String password = configured.orElseGet(AccountService::randomPassword);

        users.add(firstAdministrator(hash(password), configured.isEmpty()));

        if (configured.isPresent()) {
            LOG.info("Created the administrator account 'admin' with the configured password");
        } else {
            LOG.warning("Created the administrator account 'admin' with the generated password "
                    + password + " (shown only this once: sign in with it and choose your own)");
        }
    }

    /**
     * The administrator account of a new installation.
     *
     * @param generated whether the password was generated and logged, which makes it a
     *     temporary one that must be replaced at the first sign-in
     */
    static UserAccount firstAdministrator(String passwordHash, boolean generated) {
        UserAccount admin = new UserAccount(ADMIN_USERNAME, passwordHash, "Administrator",
                Set.of(Role.ADMIN));
        if (generated) {
            admin.requirePasswordChange();
        }
        return admin;
    }

    /**
     * Registers a new user. The password the administrator chose is a temporary one: the user
     * must choose their own at the first sign-in, so that nobody else knows it.
     *
     * @throws AccountException if the username is taken or malformed, or the password too weak
     */
    @RolesAllowed(Roles.ADMIN)
    public UserAccount registerUser(String username, String password, String displayName,
            Set<Role> roles) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException("A username has 2 to 64 characters: lower-case letters,"
                    + " digits, dots, dashes or underscores.");
        }
        if (name.equals(AuditTrail.ANONYMOUS)) {
            throw new AccountException("The username '" + name + "' is reserved: the audit"
                    + " trail names with it whoever was not signed in.");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new AccountException("The username '" + name + "' is already taken.");
        }
        String shownName = displayName == null || displayName.isBlank()
                ? name : shownName(displayName);
        PasswordPolicy.require(password, name, shownName);
        requireAllowedRoles(roles);

        UserAccount account = new UserAccount(name, hash(password), shownName, roles);
        account.requirePasswordChange();
        users.add(account);

        onRegistered(name, account.getRoles());
        return account;
    }

    /** Every account, for the administrator's page, ordered by username. */
    @RolesAllowed(Roles.ADMIN)
    public List<AccountSummary> allUsers() {
        return users.findAll().stream().map(this::summary).toList();
    }

    /**
     * Stops an account from signing in; a session it has open ends at its next request, and
     * stays ended if the account is enabled again.
     *
     * @throws AccountException if the account is the caller's own, or does not exist
     */
    @RolesAllowed(Roles.ADMIN)
    public AccountSummary disableAccount(String username) {
        UserAccount account = existing(username);
        if (account.getUsername().equals(callerName())) {
            throw new AccountException("You cannot disable your own account; another"
                    + " administrator can.");
        }
        if (account.isEnabled() && account.hasRole(Role.ADMIN)) {
            requireAnotherAdministrator(account);
        }

        boolean wasEnabled = account.isEnabled();
        account.disable();

        if (wasEnabled) {
            onDisabled(account.getUsername());
        }
        return summary(account);
    }

    /**
     * Lets a disabled account sign in again. Sign-ins tried while it was disabled may have
     * locked it; that lock ends too.
     */
    @RolesAllowed(Roles.ADMIN)
    public AccountSummary enableAccount(String username) {
        UserAccount account = existing(username);

        boolean wasEnabled = account.isEnabled();
        account.enable();
        account.unlock();

        if (!wasEnabled) {
            onEnabled(account.getUsername());
        }
        return summary(account);
    }

    /** Ends a lock from failed sign-ins before its time. */
    @RolesAllowed(Roles.ADMIN)
    public AccountSummary unlockAccount(String username) {
        UserAccount account = existing(username);

        account.unlock();

        onUnlocked(account.getUsername());
        return summary(account);
    }

    /**
     * Gives an account a temporary password, which the user must replace at the next sign-in.
     * A lock from failed sign-ins ends with it, and so do the sessions the user has open.
     *
     * @param temporaryPassword the password the administrator chose, or {@code null} or blank
     *     to have one generated
     * @return the temporary password, to be told to the user; it is not stored anywhere
     * @throws AccountException if the account does not exist or the password is too weak
     */
    @RolesAllowed(Roles.ADMIN)
    public String resetPassword(String username, String temporaryPassword) {
        UserAccount account = existing(username);
        boolean generate = temporaryPassword == null || temporaryPassword.isBlank();
        String password = generate ? randomPassword() : temporaryPassword;
        if (!generate) {
            PasswordPolicy.require(password, account.getUsername(), account.getDisplayName());
        }

        account.resetPassword(hash(password));

        onPasswordReset(account.getUsername());
        return password;
    }

    /**
     * Changes an account's name shown on pages and its roles. Roles taken away from a user who
     * is signed in end that session at its next request.
     *
     * @throws AccountException if no role is left, or the last enabled administrator would
     *     lose that role
     */
    @RolesAllowed(Roles.ADMIN)
    public AccountSummary updateAccount(String username, String displayName, Set<Role> roles) {
        UserAccount account = existing(username);
        requireAllowedRoles(roles);
        if (account.isEnabled() && account.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherAdministrator(account);
        }
        Set<Role> rolesBefore = account.getRoles();
        String nameBefore = account.getDisplayName();

        if (displayName != null && !displayName.isBlank()) {
            account.rename(shownName(displayName));
        }
        rolesBefore.stream().filter(r -> !roles.contains(r)).forEach(account::revoke);
        roles.forEach(account::grant);

        onAccountChanged(account.getUsername(),
                Map.of("displayName", nameBefore, "roles", sorted(rolesBefore)),
                Map.of("displayName", account.getDisplayName(),
                        "roles", sorted(account.getRoles())));
        return summary(account);
    }

    /**
     * Replaces the caller's own password. The user's other sessions end; the one that made the
     * change goes on under the standing returned.
     *
     * @return the standing of the account after the change, for the caller's own session
     * @throws AccountException if the current password is wrong, or the new one is refused
     */
    @PermitAll
    public AccountStanding changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount account = currentAccount();
        if (limits.isLocked(account)) {
            throw new AccountException("Too many wrong passwords in a row: the account is"
                    + " locked until " + account.getLockedUntil() + " UTC.");
        }
        if (currentPassword == null || !passwordHash.verify(currentPassword.toCharArray(),
                account.getPasswordHash())) {
            // counted apart: the refusal below rolls this transaction back
            self.getBusinessObject(AccountService.class).countWrongCurrentPassword();
            throw new AccountException("The current password is wrong.");
        }
        if (currentPassword.equals(newPassword)) {
            throw new AccountException("The new password must differ from the current one.");
        }
        PasswordPolicy.require(newPassword, account.getUsername(), account.getDisplayName());

        account.changePassword(hash(newPassword));

        onPasswordChanged(account.getUsername());
        return standingOf(account);
    }

    /**
     * Counts a wrong current password given to change the caller's own password as a failed
     * sign-in, so that a session left open cannot be used to guess the password: the same
     * limit locks the account, and the audit trail records each attempt. Its own transaction,
     * as the change it belongs to is refused.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void countWrongCurrentPassword() {
        users.findByUsernameForUpdate(callerName()).ifPresent(account -> {
            boolean lockedNow = limits.recordFailure(account);
            onSignInFailure(account.getUsername(), account.getFailedSignIns());
            if (lockedNow) {
                onLockout(account.getUsername(), account.getLockedUntil().toString());
            }
        });
    }

    /**
     * Decides a sign-in whose credentials the identity store has checked, and counts it: a
     * success resets the count of failures, a failure adds to it and may lock the account.
     * A locked account is refused even with the right password. A username nobody has is
     * refused without leaving any trace in the database.
     *
     * @param username the username as typed, in lower case
     * @param credentialsValid whether the identity store accepted the password
     * @return the standing the new session starts with, or empty if the sign-in is refused
     */
    @PermitAll
    public Optional<AccountStanding> concludeSignIn(String username, boolean credentialsValid) {
        Optional<UserAccount> found = users.findByUsernameForUpdate(username);
        if (found.isEmpty()) {
            // Take as long as checking a real password, so that the answer's time does not
            // tell whether the username exists.
            passwordHash.verify(username.toCharArray(), unknownUserHash);
            onSignInFailure(null, 0);
            return Optional.empty();
        }
        UserAccount account = found.get();
        if (limits.isLocked(account)) {
            onSignInRefusedWhileLocked(account.getUsername());
            return Optional.empty();
        }
        if (credentialsValid) {
            limits.recordSuccess(account);
            onSignIn(account.getUsername());
            return Optional.of(standingOf(account));
        }

        boolean lockedNow = limits.recordFailure(account);

        onSignInFailure(account.getUsername(), account.getFailedSignIns());
        if (lockedNow) {
            onLockout(account.getUsername(), account.getLockedUntil().toString());
        }
        return Optional.empty();
    }

    /**
     * What the session of {@code username} may still do; read at each request.
     *
     * @return {@link AccountStanding#ENDED} if the account is gone or disabled
     */
    @PermitAll
    public AccountStanding standing(String username) {
        return users.findByUsername(username)
                .filter(UserAccount::isEnabled)
                .map(AccountService::standingOf)
                .orElse(AccountStanding.ENDED);
    }

    private static AccountStanding standingOf(UserAccount account) {
        return new AccountStanding(account.isEnabled(), account.isPasswordChangeRequired(),
                account.getRoles(), account.getCredentialsVersion());
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

    /** The caller's own account, as the administrator would see it. */
    @PermitAll
    public AccountSummary currentSummary() {
        return summary(currentAccount());
    }

    private UserAccount existing(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return users.findByUsername(name)
                .orElseThrow(() -> new AccountException("No account '" + name + "'."));
    }

    /** A name shown on pages, trimmed, within what an account keeps. */
    private static String shownName(String displayName) {
        String shown = displayName.trim();
        if (shown.length() > UserAccount.MAX_DISPLAY_NAME) {
            throw new AccountException("A name shown on pages has at most "
                    + UserAccount.MAX_DISPLAY_NAME + " characters; this one has "
                    + shown.length() + ".");
        }
        return shown;
    }

    private void requireAnotherAdministrator(UserAccount admin) {
        if (users.countEnabledWithRoleForUpdate(Role.ADMIN) <= 1) {
            throw new AccountException("'" + admin.getUsername() + "' is the last enabled"
                    + " administrator: make another account an administrator first.");
        }
    }

    /**
     * At least one role, and AUDITOR alone: an account that reads every record to check how it
     * is used must not also change records (DOCTOR) or accounts (ADMIN).
     */
    private static void requireAllowedRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("A user needs at least one role.");
        }
        if (roles.contains(Role.AUDITOR) && roles.size() > 1) {
            throw new AccountException("AUDITOR is a role of its own: an auditor reads every"
                    + " record and changes none, so the same account cannot also be "
                    + (roles.contains(Role.DOCTOR) ? "a doctor" : "an administrator")
                    + ". Give auditing an account of its own.");
        }
    }

    private AccountSummary summary(UserAccount account) {
        return new AccountSummary(account.getUsername(), account.getDisplayName(),
                account.getRoles().isEmpty() ? Set.of() : EnumSet.copyOf(account.getRoles()),
                account.isEnabled(),
                limits.isLocked(account) ? account.getLockedUntil() : null,
                account.getFailedSignIns(), account.isPasswordChangeRequired(),
                account.getLastSignInAt());
    }

    private String callerName() {
        Principal caller = securityContext.getCallerPrincipal();
        return caller == null ? "" : caller.getName();
    }

    private String hash(String password) {
        passwordHash.initialize(Map.of());
        return passwordHash.generate(password.toCharArray());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sorted(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList().toString();
    }

    // The events of an account's life: each is recorded in the audit trail, in the
    // transaction of what it records, and in the server log. Usernames only: never a password
    // or a hash.

    private void onRegistered(String username, Set<Role> roles) {
        audit.record(AuditAction.CREATE, AuditTarget.USER, username,
                Map.of("roles", sorted(roles)));
        LOG.info(() -> "Registered user " + username + " with roles " + roles);
    }

    private void onSignIn(String username) {
        audit.recordAs(username, AuditAction.SIGN_IN, AuditTarget.USER, username, Map.of());
        LOG.info(() -> "User " + username + " signed in");
    }

    /**
     * @param username the account's username, or {@code null} if no account has the name
     *     typed (which is then not recorded: it may be a password typed in the wrong field)
     */
    private void onSignInFailure(String username, int failures) {
        if (username == null) {
            audit.recordAs(AuditTrail.ANONYMOUS, AuditAction.SIGN_IN_FAILED, AuditTarget.USER,
                    null, Map.of("reason", "unknown username"));
            LOG.info("A sign-in failed for a username that no account has");
            return;
        }
        audit.recordAs(username, AuditAction.SIGN_IN_FAILED, AuditTarget.USER, username,
                Map.of("reason", "wrong password or disabled account",
                        "failuresInARow", failures));
        LOG.info(() -> "A sign-in of user " + username + " failed (" + failures + " of "
                + limits.maxFailures() + " allowed in a row)");
    }

    private void onSignInRefusedWhileLocked(String username) {
        audit.recordAs(username, AuditAction.SIGN_IN_FAILED, AuditTarget.USER, username,
                Map.of("reason", "account locked"));
        LOG.info(() -> "A sign-in of user " + username + " was refused: the account is locked");
    }

    private void onLockout(String username, String until) {
        audit.recordAs(username, AuditAction.ACCOUNT_LOCKED, AuditTarget.USER, username,
                Map.of("lockedUntilUtc", until, "failuresInARow", limits.maxFailures()));
        LOG.warning(() -> "User " + username + " is locked until " + until + " UTC after "
                + limits.maxFailures() + " failed sign-ins in a row");
    }

    private void onUnlocked(String username) {
        audit.record(AuditAction.CHANGE, AuditTarget.USER, username, Map.of("unlocked", true));
        LOG.info(() -> "User " + username + " was unlocked by " + callerName());
    }

    private void onDisabled(String username) {
        audit.recordChange(AuditTarget.USER, username, Map.of("enabled", true),
                Map.of("enabled", false));
        LOG.info(() -> "User " + username + " was disabled by " + callerName());
    }

    private void onEnabled(String username) {
        audit.recordChange(AuditTarget.USER, username, Map.of("enabled", false),
                Map.of("enabled", true));
        LOG.info(() -> "User " + username + " was enabled by " + callerName());
    }

    private void onPasswordReset(String username) {
        audit.record(AuditAction.CHANGE, AuditTarget.USER, username,
                Map.of("password", "reset to a temporary one by an administrator"));
        LOG.info(() -> "The password of user " + username + " was reset by " + callerName());
    }

    private void onAccountChanged(String username, Map<String, ?> before, Map<String, ?> after) {
        if (before.equals(after)) {
            return;
        }
        audit.recordChange(AuditTarget.USER, username, before, after);
        LOG.info(() -> "User " + username + " was changed from " + before + " to " + after
                + " by " + callerName());
    }

    private void onPasswordChanged(String username) {
        audit.record(AuditAction.CHANGE, AuditTarget.USER, username,
                Map.of("password", "changed by its user"));
        LOG.info(() -> "User " + username + " changed their password");
    }
}
