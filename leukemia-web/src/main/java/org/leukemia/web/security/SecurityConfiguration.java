package org.leukemia.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.leukemia.application.account.Roles;
import org.leukemia.application.bootstrap.ApplicationBootstrap;

/**
 * Where credentials are checked: the application's own user table, with PBKDF2 password
 * hashes. {@link SessionAuthenticationMechanism} asks it at sign-in. Which pages need which
 * role is in web.xml; which service call needs which role is on the services themselves.
 */
@ApplicationScoped
@DeclareRoles({Roles.DOCTOR, Roles.ADMIN, Roles.AUDITOR})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = ApplicationBootstrap.DATA_SOURCE,
        callerQuery = "select password_hash from user_account where username = ?"
                + " and enabled = TRUE",
        groupsQuery = "select r.role from user_role r join user_account u on u.id = r.user_id"
                + " where u.username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class SecurityConfiguration {
}
