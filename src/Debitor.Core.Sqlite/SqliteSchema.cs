namespace Debitor.Core.Sqlite;

/// <summary>The SQLite schema (<c>docs/storage.md</c>); every statement is idempotent.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// The page size of a new database (D13.180): 16 KiB instead of SQLite's 4 KiB. The journal is a <c>WITHOUT ROWID</c>
    /// table, whose interior pages hold whole rows: with 4 KiB pages they hold ≈ 9 rows each, the tree is deep, and a row
    /// above ≈ 1,000 bytes (a dunning letter's history note) spills to an overflow page, so one appended letter wrote ≈ 3.7
    /// pages to the WAL. Run before <c>journal_mode=WAL</c>; a database that already has pages keeps its size (SQLite
    /// ignores the setting), and <c>docs/storage.md</c> says how to convert one.
    /// </summary>
    public const string PageSize = "PRAGMA page_size=16384;";

    public const string Version1 = """
        CREATE TABLE IF NOT EXISTS debitor_schema (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL);
        INSERT INTO debitor_schema (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;

        CREATE TABLE IF NOT EXISTS debitor_accounts (
            customer TEXT NOT NULL PRIMARY KEY,
            company TEXT NULL,
            version INTEGER NOT NULL CHECK (version > 0));
        CREATE INDEX IF NOT EXISTS debitor_accounts_company ON debitor_accounts (company, customer);

        CREATE TABLE IF NOT EXISTS debitor_journal (
            customer TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version > 0),
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (customer, version)) WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS debitor_journal_no_update BEFORE UPDATE ON debitor_journal
        BEGIN SELECT RAISE(ABORT, 'debitor_journal is append-only: records are never changed'); END;

        CREATE TRIGGER IF NOT EXISTS debitor_journal_no_delete BEFORE DELETE ON debitor_journal
        WHEN EXISTS (SELECT 1 FROM debitor_accounts WHERE customer = OLD.customer)
        BEGIN SELECT RAISE(ABORT, 'debitor_journal is append-only: records go only with their deleted account'); END;

        CREATE TABLE IF NOT EXISTS debitor_files (
            storage_key TEXT NOT NULL PRIMARY KEY,
            content BLOB NOT NULL);
        """;

    /// <summary>Version 2: company settings (dunning settings, interest schemes) beside the journals.</summary>
    public const string Version2 = """
        CREATE TABLE IF NOT EXISTS debitor_settings (
            company TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (company, kind)) WITHOUT ROWID;

        UPDATE debitor_schema SET version = 2 WHERE id = 1 AND version < 2;
        """;
}
