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
import org.leukemia.application.account.AccountException;
import org.leukemia.application.account.AccountService;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/** The administrator's page: the accounts, and a form to register a new one. */
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

    /** Registers the account described by the form. */
    public void register() {
        try {
            UserAccount account = accounts.registerUser(username, password, displayName,
                    roles == null || roles.length == 0 ? EnumSet.noneOf(Role.class)
                            : EnumSet.copyOf(Arrays.asList(roles)));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Account '" + account.getUsername() + "' created", null));
            username = null;
            displayName = null;
            password = null;
        } catch (AccountException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    e.getMessage(), null));
        }
    }

    /** @return every account */
    public List<UserAccount> getUsers() {
        return accounts.allUsers();
    }

    /** @return the roles an account can have */
    public Role[] getAllRoles() {
        return Role.values();
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
}
