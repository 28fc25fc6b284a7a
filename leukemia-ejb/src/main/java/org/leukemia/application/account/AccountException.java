package org.leukemia.application.account;

import jakarta.ejb.ApplicationException;

/** A request about an account that cannot be carried out; the message is for the user. */
@ApplicationException(rollback = true)
public class AccountException extends RuntimeException {

    /** @param message what went wrong, in words the user understands */
    public AccountException(String message) {
        super(message);
    }
}
