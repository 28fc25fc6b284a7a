-- Column mappings a doctor confirmed and saved for the exports of one laboratory, so that the
-- next file with the same headers is read the same way. One mapping per owner and laboratory.
CREATE TABLE column_mapping (
    id          BIGINT       NOT NULL,
    owner_id    BIGINT       NOT NULL,
    laboratory  VARCHAR(100) NOT NULL,
    saved_at    DATETIME(6)  NOT NULL,
    mapping     LONGTEXT     NOT NULL,
    CONSTRAINT pk_column_mapping PRIMARY KEY (id),
    CONSTRAINT fk_column_mapping_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
    CONSTRAINT ux_column_mapping_owner_lab UNIQUE (owner_id, laboratory)
);

INSERT INTO id_generator (name, next_value) VALUES ('column_mapping', 0);
