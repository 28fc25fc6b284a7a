-- Sessions end when the credentials they were opened with no longer hold.
-- credentials_version: raised whenever the password is changed or reset and whenever the
-- account is disabled. A session remembers the value it was opened with and ends at its next
-- request once the value differs, even if the account has been enabled again since.
ALTER TABLE user_account ADD COLUMN credentials_version INT DEFAULT 0 NOT NULL;
