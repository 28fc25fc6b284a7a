package org.leukemia.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.leukemia.application.account.Roles;

/** Who is signed in, for the navigation and for choosing the home page. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext security;

    /** @return the username, or an empty string before sign-in */
    public String getDisplayName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? "" : caller.getName();
    }

    /** @return whether the caller may upload and manage patients */
    public boolean isDoctor() {
        return security.isCallerInRole(Roles.DOCTOR);
    }

    /** @return whether the caller manages accounts */
    public boolean isAdmin() {
        return security.isCallerInRole(Roles.ADMIN);
    }

    /** @return whether the caller reads the audit trail */
    public boolean isAuditor() {
        return security.isCallerInRole(Roles.AUDITOR);
    }

    /** @return whether the caller reads patient data (doctors and auditors) */
    public boolean isClinical() {
        return isDoctor() || isAuditor();
    }

    /** @return the outcome of the page that fits the caller's role */
    public String home() {
        if (isClinical()) {
            return "/app/dashboard?faces-redirect=true";
        }
        return isAdmin() ? "/app/admin/users?faces-redirect=true" : "/login?faces-redirect=true";
    }
}
