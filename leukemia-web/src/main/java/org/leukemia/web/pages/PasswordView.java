package org.leukemia.web.pages;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.leukemia.application.account.AccountException;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.PasswordPolicy;
import org.leukemia.web.security.SessionCredentials;

/**
 * The page where users change their own password; after an administrator's reset, the only
 * page they may open until they have. Their other sessions end; this one goes on.
 */
@Named
@ViewScoped
public class PasswordView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;

    @Inject
    private FacesContext faces;

    @Inject
    private CurrentUser currentUser;

    private boolean changeRequired;
    private String currentPassword;
    private String newPassword;
    private String confirmation;

    @PostConstruct
    void load() {
        changeRequired = accounts.currentSummary().passwordChangeRequired();
    }

    /** Changes the password; then on to the caller's home page. */
    public String change() {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            faces.addMessage("password:confirmation", new FacesMessage(
                    FacesMessage.SEVERITY_ERROR, "The two new passwords differ.", null));
            return null;
        }
        try {
            SessionCredentials.remember(
                    (HttpServletRequest) faces.getExternalContext().getRequest(),
                    accounts.changeOwnPassword(currentPassword, newPassword));
        } catch (AccountException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    e.getMessage(), null));
            return null;
        }

        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Your password is changed.", null));
        return currentUser.home();
    }

    /** @return whether an administrator reset the password, so that it must be changed now */
    public boolean isChangeRequired() {
        return changeRequired;
    }

    /** @return the shortest password accepted */
    public int getMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
