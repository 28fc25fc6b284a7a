package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.leukemia.application.account.AccountException;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.AccountSummary;
import org.leukemia.persistence.user.Role;

/**
 * The administrator's page: the accounts with their state, a form to register a new one, and
 * for a chosen account its name, roles and password reset. Every rule (the last administrator,
 * the password policy) is the service's; the page shows its answers.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;

    @Inject
    private FacesContext faces;

    private String username;
    private String displayName;
    private String password;
    private Role[] roles = {Role.DOCTOR};

    private String chosen;
    private String chosenDisplayName;
    private Role[] chosenRoles;
    private String temporaryPassword;

    private List<AccountSummary> users;

    /** Registers the account described by the form. */
    public void register() {
        if (attempt(() -> "Account '" + accounts.registerUser(username, password, displayName,
                roleSet(roles)).getUsername() + "' created")) {
            username = null;
            displayName = null;
            password = null;
        }
    }

    /** Stops the account from signing in; its open session ends. */
    public void disable(String account) {
        attempt(() -> "Account '" + accounts.disableAccount(account).username()
                + "' disabled");
    }

    /** Lets the account sign in again. */
    public void enable(String account) {
        attempt(() -> "Account '" + accounts.enableAccount(account).username() + "' enabled");
    }

    /** Ends the account's lock from failed sign-ins. */
    public void unlock(String account) {
        attempt(() -> "Account '" + accounts.unlockAccount(account).username() + "' unlocked");
    }

    /** Chooses an account to change its name, roles or password. */
    public void choose(AccountSummary account) {
        chosen = account.username();
        chosenDisplayName = account.displayName();
        chosenRoles = account.roles().toArray(Role[]::new);
        temporaryPassword = null;
    }

    /** Saves the chosen account's name and roles. */
    public void saveChosen() {
        attempt(() -> "Account '" + accounts.updateAccount(chosen, chosenDisplayName,
                roleSet(chosenRoles)).username() + "' saved");
    }

    /**
     * Gives the chosen account a temporary password: the one typed, or a generated one shown
     * here once. The user must change it at the next sign-in.
     */
    public void resetChosenPassword() {
        boolean generated = temporaryPassword == null || temporaryPassword.isBlank();
        attempt(() -> {
            String given = accounts.resetPassword(chosen, temporaryPassword);
            return "The password of '" + chosen + "' is reset"
                    + (generated ? " to " + given + " (shown only now: tell it to the user)"
                            : "") + "; the user must change it at the next sign-in.";
        });
        temporaryPassword = null;
    }

    /** Closes the chosen account's form. */
    public void closeChosen() {
        chosen = null;
    }

    /** @return every account, read once per change */
    public List<AccountSummary> getUsers() {
        if (users == null) {
            users = accounts.allUsers();
        }
        return users;
    }

    /** @return the roles an account can have */
    public Role[] getAllRoles() {
        return Role.values();
    }

    private boolean attempt(Supplier<String> action) {
        try {
            String done = action.get();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
            users = null;
            return true;
        } catch (AccountException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    e.getMessage(), null));
            return false;
        }
    }

    private static Set<Role> roleSet(Role[] selected) {
        return selected == null || selected.length == 0 ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(Arrays.asList(selected));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles;
    }

    /** @return the username of the account being changed, or {@code null} */
    public String getChosen() {
        return chosen;
    }

    public String getChosenDisplayName() {
        return chosenDisplayName;
    }

    public void setChosenDisplayName(String chosenDisplayName) {
        this.chosenDisplayName = chosenDisplayName;
    }

    public Role[] getChosenRoles() {
        return chosenRoles;
    }

    public void setChosenRoles(Role[] chosenRoles) {
        this.chosenRoles = chosenRoles;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }
}
