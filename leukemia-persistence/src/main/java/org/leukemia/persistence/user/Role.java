package org.leukemia.persistence.user;

/** What a user may do; stored by name in {@code user_role.role} and used as security group. */
public enum Role {
    /** Uploads results, owns patients and sees the predictions for them. */
    DOCTOR,
    /** Manages user accounts and model versions. */
    ADMIN,
    /** Reads audit information without changing anything. */
    AUDITOR
}
