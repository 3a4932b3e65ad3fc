namespace Debitor.Core.PostgreSql;

/// <summary>The PostgreSQL schema (<c>docs/storage.md</c>); every statement is idempotent.</summary>
internal static class PostgreSqlSchema
{
    public const string Version1 = """
        SELECT pg_advisory_xact_lock(7213);

        CREATE TABLE IF NOT EXISTS debitor_schema (
            id int PRIMARY KEY CHECK (id = 1),
            version int NOT NULL);
        INSERT INTO debitor_schema (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;

        CREATE TABLE IF NOT EXISTS debitor_accounts (
            customer text NOT NULL PRIMARY KEY,
            company text NULL,
            version bigint NOT NULL CHECK (version > 0));
        CREATE INDEX IF NOT EXISTS debitor_accounts_company ON debitor_accounts (company, customer);

        CREATE TABLE IF NOT EXISTS debitor_journal (
            customer text NOT NULL,
            version bigint NOT NULL CHECK (version > 0),
            recorded_at text NOT NULL,
            recorded_by text NOT NULL,
            kind text NOT NULL,
            payload jsonb NOT NULL,
            PRIMARY KEY (customer, version));

        CREATE OR REPLACE FUNCTION debitor_journal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'TRUNCATE') THEN
                RAISE EXCEPTION 'debitor_journal is append-only: records are never changed';
            END IF;
            IF EXISTS (SELECT 1 FROM debitor_accounts WHERE customer = OLD.customer) THEN
                RAISE EXCEPTION 'debitor_journal is append-only: records go only with their deleted account';
            END IF;
            RETURN OLD;
        END $$;
        CREATE OR REPLACE TRIGGER debitor_journal_guard BEFORE UPDATE OR DELETE ON debitor_journal
            FOR EACH ROW EXECUTE FUNCTION debitor_journal_guard();
        CREATE OR REPLACE TRIGGER debitor_journal_no_truncate BEFORE TRUNCATE ON debitor_journal
            FOR EACH STATEMENT EXECUTE FUNCTION debitor_journal_guard();

        CREATE TABLE IF NOT EXISTS debitor_files (
            storage_key text NOT NULL PRIMARY KEY,
            content bytea NOT NULL);
        """;

    /// <summary>Version 2: company settings (dunning settings, interest schemes) beside the journals.</summary>
    public const string Version2 = """
        SELECT pg_advisory_xact_lock(7213);

        CREATE TABLE IF NOT EXISTS debitor_settings (
            company text NOT NULL,
            kind text NOT NULL,
            payload jsonb NOT NULL,
            PRIMARY KEY (company, kind));

        UPDATE debitor_schema SET version = 2 WHERE id = 1 AND version < 2;
        """;

    /// <summary>
    /// Version 3 (D13.130): each journal row keeps the document exactly as <c>JournalJson</c> wrote it (<c>document</c>,
    /// UTF-8 text) beside the <c>jsonb</c> payload hosts query, and the loads read it, so the server no longer turns
    /// <c>jsonb</c> into text for every row read. Run once, when the schema is below 3: the column is added, filled for
    /// the rows already stored from <c>payload::text</c> (the append-only guard is disabled for that one statement, inside
    /// the transaction that holds the table's exclusive lock), and a check makes the database refuse a row whose document
    /// is not the payload. The check is added <c>NOT VALID</c>: the rows just filled agree by construction, and validating
    /// them would parse every stored document once more. The column stays nullable: a row written by an older version of
    /// the library (no document) is read from its payload (D13.131).
    /// </summary>
    public const string Version3 = """
        SELECT pg_advisory_xact_lock(7213);

        DO $$
        BEGIN
            IF (SELECT version FROM debitor_schema WHERE id = 1) < 3 THEN
                ALTER TABLE debitor_journal ADD COLUMN IF NOT EXISTS document text NULL;
                ALTER TABLE debitor_journal DISABLE TRIGGER debitor_journal_guard;
                UPDATE debitor_journal SET document = payload::text WHERE document IS NULL;
                ALTER TABLE debitor_journal ENABLE TRIGGER debitor_journal_guard;
                ALTER TABLE debitor_journal ADD CONSTRAINT debitor_journal_document_is_payload
                    CHECK (document IS NULL OR document::jsonb = payload) NOT VALID;
                UPDATE debitor_schema SET version = 3 WHERE id = 1;
            END IF;
        END $$;
        """;
}
