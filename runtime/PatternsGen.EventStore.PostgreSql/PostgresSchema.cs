namespace PatternsGen.EventStore.PostgreSql;

/// <summary>Every SQL text the store runs, for one database schema. Identifiers are quoted once, here.</summary>
internal sealed class PostgresSchema
{
    public PostgresSchema(string schema)
    {
        Name = schema;
        var s = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var events = s + ".patternsgen_events";
        var snapshots = s + ".patternsgen_snapshots";

        // One key per schema: appends in different schemas do not wait for each other.
        LockKey = StableHash(schema);

        // One statement each: batch commands with positional parameters take exactly one statement.
        Create =
        [
            $"CREATE SCHEMA IF NOT EXISTS {s}",
            $"""
            CREATE TABLE IF NOT EXISTS {events} (
                position       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id       uuid        NOT NULL,
                stream_id      text        NOT NULL,
                version        bigint      NOT NULL,
                event_type     text        NOT NULL,
                data           jsonb       NOT NULL,
                timestamp      timestamptz NOT NULL,
                correlation_id text        NULL,
                causation_id   text        NULL,
                UNIQUE (stream_id, version)
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {snapshots} (
                stream_id      text        NOT NULL PRIMARY KEY,
                version        bigint      NOT NULL,
                schema_version integer     NOT NULL,
                data           jsonb       NOT NULL,
                timestamp      timestamptz NOT NULL
            )
            """,
        ];
        StreamVersion = $"SELECT COALESCE(MAX(version), 0) FROM {events} WHERE stream_id = $1";
        Insert = $"""
            INSERT INTO {events} (event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """;
        const string columns = "position, event_id, stream_id, version, event_type, data::text, timestamp, correlation_id, causation_id";
        ReadStream = $"SELECT {columns} FROM {events} WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3";
        ReadAll = $"SELECT {columns} FROM {events} WHERE position > $1 ORDER BY position LIMIT $2";
        ReadSnapshot = $"SELECT version, schema_version, data::text FROM {snapshots} WHERE stream_id = $1";
        WriteSnapshot = $"""
            INSERT INTO {snapshots} AS s (stream_id, version, schema_version, data, timestamp) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (stream_id) DO UPDATE SET
                version = excluded.version, schema_version = excluded.schema_version, data = excluded.data, timestamp = excluded.timestamp
            WHERE excluded.version >= s.version
            """;
    }

    public string Name { get; }

    public long LockKey { get; }

    public string[] Create { get; }

    public string StreamVersion { get; }

    public string Insert { get; }

    public string ReadStream { get; }

    public string ReadAll { get; }

    public string ReadSnapshot { get; }

    public string WriteSnapshot { get; }

    /// <summary>The transaction-scoped lock every append takes first; see docs/event-sourcing.md ("Global order on PostgreSQL").</summary>
    public const string LockAppends = "SELECT pg_advisory_xact_lock($1)";

    // FNV-1a: string.GetHashCode differs between processes, and every instance must agree on the key.
    private static long StableHash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "patternsgen.events:" + value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
