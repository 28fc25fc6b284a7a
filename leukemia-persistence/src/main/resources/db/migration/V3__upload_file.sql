-- The original file of every upload, kept so that each stored row can be traced back to the
-- very bytes it came from; and one upload per file and owner, so that a file sent twice is
-- never stored twice, even when both copies arrive at the same moment.
CREATE TABLE upload_file (
    upload_id   BIGINT    NOT NULL,
    content     LONGBLOB  NOT NULL,
    CONSTRAINT pk_upload_file PRIMARY KEY (upload_id),
    CONSTRAINT fk_upload_file_upload FOREIGN KEY (upload_id) REFERENCES upload (id)
);

CREATE UNIQUE INDEX ux_upload_owner_sha256 ON upload (owner_id, sha256);

-- Headers of the file that named nothing the product reads, for the upload's report.
ALTER TABLE upload ADD COLUMN ignored_columns VARCHAR(2000);
