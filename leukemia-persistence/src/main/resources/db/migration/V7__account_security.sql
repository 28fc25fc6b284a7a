-- Account security: failed sign-ins are counted in the database, so that the limit holds across
-- the servers of a cluster and over a restart; a password reset by an administrator must be
-- replaced by the user at the next sign-in.
-- failed_sign_ins: consecutive failures since the last successful sign-in or unlock.
-- locked_until:    UTC time until which sign-in is refused; NULL when not locked.
ALTER TABLE user_account ADD COLUMN failed_sign_ins INT DEFAULT 0 NOT NULL;
ALTER TABLE user_account ADD COLUMN locked_until DATETIME(6);
ALTER TABLE user_account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE user_account ADD COLUMN last_sign_in_at DATETIME(6);
