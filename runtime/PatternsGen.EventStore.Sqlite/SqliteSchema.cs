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
            UNIQUE (stream_id, version)
        );
        CREATE TABLE IF NOT EXISTS patternsgen_snapshots (
            stream_id      TEXT    NOT NULL PRIMARY KEY,
            version        INTEGER NOT NULL,
            schema_version INTEGER NOT NULL,
            data           TEXT    NOT NULL,
            timestamp      INTEGER NOT NULL
        );
        """;

    public const string StreamVersion = "SELECT COALESCE(MAX(version), 0) FROM patternsgen_events WHERE stream_id = $stream";

    public const string Insert = """
        INSERT INTO patternsgen_events (event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id)
        VALUES ($id, $stream, $version, $type, $data, $timestamp, $correlation, $causation)
        """;

    private const string Columns = "position, event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id";

    public const string ReadStream = $"SELECT {Columns} FROM patternsgen_events WHERE stream_id = $stream AND version > $from ORDER BY version LIMIT $limit";

    public const string ReadAll = $"SELECT {Columns} FROM patternsgen_events WHERE position > $from ORDER BY position LIMIT $limit";

    public const string ReadSnapshot = "SELECT version, schema_version, data FROM patternsgen_snapshots WHERE stream_id = $stream";

    public const string WriteSnapshot = """
        INSERT INTO patternsgen_snapshots (stream_id, version, schema_version, data, timestamp)
        VALUES ($stream, $version, $schema, $data, $timestamp)
        ON CONFLICT (stream_id) DO UPDATE SET
            version = excluded.version, schema_version = excluded.schema_version, data = excluded.data, timestamp = excluded.timestamp
        WHERE excluded.version >= patternsgen_snapshots.version
        """;
}
