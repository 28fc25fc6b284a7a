package org.leukemia.persistence.user;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;

/**
 * A person who logs in: a doctor, an administrator or an auditor.
 *
 * <p>The username is the business key: unique, immutable, and the basis of equality. The
 * columns are laid out for Jakarta Security's {@code DatabaseIdentityStore}, which reads
 * {@code user_account.password_hash} for enabled accounts and the groups from
 * {@code user_role.role}. Only a password hash is ever stored, never a password.
 *
 * <p>Consecutive failed sign-ins are counted on the account; enough of them lock it for a
 * while. The times passed in are UTC, as everywhere else (see {@link Timestamps}).
 */
@Entity
@Table(name = "user_account")
@Access(AccessType.FIELD)
public class UserAccount {

    /** Longest username accepted. */
    public static final int MAX_USERNAME = 64;
    /** Longest password hash accepted. */
    public static final int MAX_PASSWORD_HASH = 512;
    /** Longest display name accepted. */
    public static final int MAX_DISPLAY_NAME = 128;

    @Id
    @TableGenerator(name = "user_account_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "user_account", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "user_account_ids")
    @Column(name = "id")
    private Long id;

    @Column(name = "username", nullable = false, unique = true, updatable = false,
            length = MAX_USERNAME)
    private String username;

    @Column(name = "password_hash", nullable = false, length = MAX_PASSWORD_HASH)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME)
    private String displayName;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "last_sign_in_at")
    private LocalDateTime lastSignInAt;

    @Column(name = "credentials_version", nullable = false)
    private int credentialsVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Set<Role> roles = new HashSet<>();

    /** For JPA only. */
    protected UserAccount() {
    }

    /**
     * Creates an enabled account.
     *
     * @param username unique login name, not blank, at most 64 characters
     * @param passwordHash hash of the password as produced by the password hasher
     * @param displayName name shown in the interface, not blank
     * @param roles roles granted; may be empty but not null
     */
    public UserAccount(String username, String passwordHash, String displayName,
            Set<Role> roles) {
        this.username = Checks.text(username, "username", MAX_USERNAME);
        this.passwordHash = Checks.text(passwordHash, "passwordHash", MAX_PASSWORD_HASH);
        this.displayName = Checks.text(displayName, "displayName", MAX_DISPLAY_NAME);
        Checks.required(roles, "roles");
        this.roles = roles.isEmpty() ? new HashSet<>() : new HashSet<>(EnumSet.copyOf(roles));
        this.enabled = true;
        this.createdAt = Timestamps.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** When the account was created (UTC). */
    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    /** The roles granted, as an unmodifiable snapshot. */
    public Set<Role> getRoles() {
        return roles.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Grants {@code role}; granting a role already held changes nothing. */
    public void grant(Role role) {
        roles.add(Checks.required(role, "role"));
    }

    /** Revokes {@code role}; revoking a role not held changes nothing. */
    public void revoke(Role role) {
        roles.remove(role);
    }

    /** Replaces the stored password hash with one the user chose. */
    public void changePassword(String hash) {
        this.passwordHash = Checks.text(hash, "passwordHash", MAX_PASSWORD_HASH);
        this.passwordChangeRequired = false;
        credentialsVersion++;
    }

    /**
     * Replaces the password with a temporary one that an administrator gave: the user must
     * choose a new one at the next sign-in. A lock from failed sign-ins ends with it.
     */
    public void resetPassword(String temporaryHash) {
        this.passwordHash = Checks.text(temporaryHash, "passwordHash", MAX_PASSWORD_HASH);
        requirePasswordChange();
        credentialsVersion++;
        unlock();
    }

    /**
     * Makes the current password a temporary one, as one someone else chose or saw: the user
     * must choose a new one at the next sign-in.
     */
    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    /**
     * Changes whenever the password is changed or reset and whenever the account is disabled:
     * a session opened under another value was opened with credentials that no longer hold.
     */
    public int getCredentialsVersion() {
        return credentialsVersion;
    }

    /** Whether the user must replace a temporary password before doing anything else. */
    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    /** Consecutive failed sign-ins since the last successful one or the last unlock. */
    public int getFailedSignIns() {
        return failedSignIns;
    }

    /** Until when sign-in is refused (UTC), or {@code null} if it never was or was unlocked. */
    public LocalDateTime getLockedUntil() {
        return lockedUntil;
    }

    /** When the user last signed in (UTC), or {@code null} if never. */
    public LocalDateTime getLastSignInAt() {
        return lastSignInAt;
    }

    /** Whether sign-in is refused at {@code now} because of failed sign-ins. */
    public boolean isLockedAt(LocalDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed sign-in at {@code now}. Failures while locked are not counted, so that
     * they do not prolong the lock; after a lock has ended, counting starts again from zero.
     *
     * @param maxFailures consecutive failures that lock the account, at least 1
     * @param lockDuration how long the account stays locked
     * @return whether this failure locked the account
     */
    public boolean recordFailedSignIn(LocalDateTime now, int maxFailures,
            Duration lockDuration) {
        Checks.required(now, "now");
        if (isLockedAt(now)) {
            return false;
        }
        if (lockedUntil != null) {
            unlock();
        }
        failedSignIns++;
        if (failedSignIns < maxFailures) {
            return false;
        }
        lockedUntil = now.plus(lockDuration);
        return true;
    }

    /** A successful sign-in at {@code now}: the count of failures starts again. */
    public void recordSignIn(LocalDateTime now) {
        this.lastSignInAt = Checks.required(now, "now");
        unlock();
    }

    /** Ends a lock from failed sign-ins, and their count. */
    public void unlock() {
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    /** Changes the name shown in the interface. */
    public void rename(String newDisplayName) {
        this.displayName = Checks.text(newDisplayName, "displayName", MAX_DISPLAY_NAME);
    }

    /**
     * Blocks the login; the account and its data stay. Sessions opened before stay ended when
     * the account is enabled again.
     */
    public void disable() {
        if (enabled) {
            credentialsVersion++;
        }
        this.enabled = false;
    }

    /** Allows the login again. */
    public void enable() {
        this.enabled = true;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof UserAccount that && Objects.equals(username, that.username);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(username);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", roles=" + roles + "]";
    }
}
