-- AUDITOR is a role of its own: an auditor reads every record and changes none. An account
-- that was given AUDITOR beside DOCTOR or ADMIN before that rule keeps its other roles and
-- loses AUDITOR, which never leaves the application without an administrator; an
-- administrator gives AUDITOR to an account of its own.
DELETE FROM user_role
 WHERE role = 'AUDITOR'
   AND user_id IN (SELECT holder FROM (SELECT user_id AS holder FROM user_role
                                        WHERE role <> 'AUDITOR') other_roles);
