namespace PatternsGen.EventStore.Sqlite;

/// <summary>The store's tables, created on first use. One place for every SQL text the store runs.</summary>
internal static class SqliteSchema
{
    // AUTOINCREMENT: a position is never reused, even after the newest rows are deleted, so a
    // subscriber's checkpoint can never point past an event that is yet to come.
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS patternsgen_events (
            position       INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id       TEXT    NOT NULL,
            stream_id      TEXT    NOT NULL,
            version        INTEGER NOT NULL,
            event_type     TEXT    NOT NULL,
            data           TEXT    NOT NULL,
            timestamp      INTEGER NOT NULL,
            correlation_id TEXT    NULL,
            causation_id   TEXT    NULL,
            trace_parent   TEXT    NULL,
            UNIQUE (stream_id, version)
        );
        CREATE TABLE IF NOT EXISTS patternsgen_snapshots (
            stream_id      TEXT    NOT NULL PRIMARY KEY,
            version        INTEGER NOT NULL,
            schema_version INTEGER NOT NULL,
            data           TEXT    NOT NULL,
            timestamp      INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS patternsgen_checkpoints (
            name           TEXT    NOT NULL PRIMARY KEY,
            position       INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS patternsgen_inbox (
            handler        TEXT    NOT NULL,
            message_id     TEXT    NOT NULL,
            handled_at     INTEGER NOT NULL,
            PRIMARY KEY (handler, message_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS patternsgen_dead_letters (
            seq            INTEGER PRIMARY KEY AUTOINCREMENT,
            id             TEXT    NOT NULL UNIQUE,
            handler        TEXT    NOT NULL,
            message_id     TEXT    NOT NULL,
            event_type     TEXT    NOT NULL,
            data           TEXT    NOT NULL,
            message_key    TEXT    NULL,
            sequence       INTEGER NOT NULL,
            correlation_id TEXT    NULL,
            causation_id   TEXT    NULL,
            error_type     TEXT    NOT NULL,
            error          TEXT    NOT NULL,
            attempts       INTEGER NOT NULL,
            failed_at      INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS patternsgen_leases (
            name           TEXT    NOT NULL PRIMARY KEY,
            owner          TEXT    NOT NULL,
            token          INTEGER NOT NULL,
            expires_at     INTEGER NOT NULL
        );
        """;

    /// <summary>The database's clock in Unix milliseconds: what leases are timed by, whichever process asks.</summary>
    private const string NowMs = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    // Databases made before events kept their trace context get the column on first use; existing events have none.
    public const string HasTraceParent = "SELECT COUNT(*) FROM pragma_table_info('patternsgen_events') WHERE name = 'trace_parent'";
    public const string AddTraceParent = "ALTER TABLE patternsgen_events ADD COLUMN trace_parent TEXT NULL";

    public const string StreamVersion = "SELECT COALESCE(MAX(version), 0) FROM patternsgen_events WHERE stream_id = $stream";

    public const string Insert = """
        INSERT INTO patternsgen_events (event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id, trace_parent)
        VALUES ($id, $stream, $version, $type, $data, $timestamp, $correlation, $causation, $trace)
        """;

    private const string Columns = "position, event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id, trace_parent";

    /// <summary>What <see cref="SqlStore"/> runs, with named parameters.</summary>
    public static readonly SqlStatements Statements = new()
    {
        ReadStream = $"SELECT {Columns} FROM patternsgen_events WHERE stream_id = $stream AND version > $from ORDER BY version LIMIT $limit",
        ReadAll = $"SELECT {Columns} FROM patternsgen_events WHERE position > $from ORDER BY position LIMIT $limit",
        ReadSnapshot = "SELECT version, schema_version, data FROM patternsgen_snapshots WHERE stream_id = $stream",
        WriteSnapshot = """
            INSERT INTO patternsgen_snapshots (stream_id, version, schema_version, data, timestamp)
            VALUES ($stream, $version, $schema, $data, $timestamp)
            ON CONFLICT (stream_id) DO UPDATE SET
                version = excluded.version, schema_version = excluded.schema_version, data = excluded.data, timestamp = excluded.timestamp
            WHERE excluded.version >= patternsgen_snapshots.version
            """,
        ReadCheckpoint = "SELECT position FROM patternsgen_checkpoints WHERE name = $name",
        WriteCheckpoint = """
            INSERT INTO patternsgen_checkpoints (name, position) VALUES ($name, $position)
            ON CONFLICT (name) DO UPDATE SET position = excluded.position
            """,
        InboxHas = "SELECT 1 FROM patternsgen_inbox WHERE handler = $handler AND message_id = $id",
        InboxMark = "INSERT INTO patternsgen_inbox (handler, message_id, handled_at) VALUES ($handler, $id, $at) ON CONFLICT DO NOTHING",
        DeadLetterAdd = """
            INSERT INTO patternsgen_dead_letters
                (id, handler, message_id, event_type, data, message_key, sequence, correlation_id, causation_id, error_type, error, attempts, failed_at)
            VALUES ($id, $handler, $message, $type, $data, $key, $sequence, $correlation, $causation, $error_type, $error, $attempts, $failed_at)
            ON CONFLICT (id) DO NOTHING
            """,
        DeadLetterList = """
            SELECT id, handler, message_id, event_type, data, message_key, sequence, correlation_id, causation_id, error_type, error, attempts, failed_at
            FROM patternsgen_dead_letters ORDER BY seq
            """,
        DeadLetterRemove = "DELETE FROM patternsgen_dead_letters WHERE id = $id",
        DeadLetterPurge = "DELETE FROM patternsgen_dead_letters",
        LeaseAcquire = $"""
            INSERT INTO patternsgen_leases (name, owner, token, expires_at) VALUES ($name, $owner, 1, {NowMs} + $ms)
            ON CONFLICT (name) DO UPDATE SET
                token = CASE WHEN owner = excluded.owner AND expires_at > {NowMs} THEN token ELSE token + 1 END,
                owner = excluded.owner,
                expires_at = excluded.expires_at
            WHERE owner = excluded.owner OR expires_at <= {NowMs}
            """,
        LeaseToken = "SELECT token FROM patternsgen_leases WHERE name = $name AND owner = $owner",
        LeaseRelease = $"UPDATE patternsgen_leases SET expires_at = {NowMs} WHERE name = $name AND owner = $owner",
        LeaseForget = $"DELETE FROM patternsgen_leases WHERE substr(name, 1, length($prefix)) = $prefix AND expires_at <= {NowMs} - $ms",
        LeaseList = $"""
            SELECT name, owner, token FROM patternsgen_leases
            WHERE substr(name, 1, length($prefix)) = $prefix AND expires_at > {NowMs} ORDER BY name
            """,
    };
}
