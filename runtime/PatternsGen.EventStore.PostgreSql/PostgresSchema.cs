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
        var checkpoints = s + ".patternsgen_checkpoints";
        var inbox = s + ".patternsgen_inbox";
        var deadLetters = s + ".patternsgen_dead_letters";
        var leases = s + ".patternsgen_leases";

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
                trace_parent   text        NULL,
                UNIQUE (stream_id, version)
            )
            """,
            // Tables made before events kept their trace context get the column; checked first, so that a start
            // does not take the table's exclusive lock when there is nothing to add.
            $"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = '{events.Replace("'", "''", StringComparison.Ordinal)}'::regclass
                               AND attname = 'trace_parent' AND NOT attisdropped) THEN
                    ALTER TABLE {events} ADD COLUMN trace_parent text;
                END IF;
            END $$
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
            $"""
            CREATE TABLE IF NOT EXISTS {checkpoints} (
                name           text        NOT NULL PRIMARY KEY,
                position       bigint      NOT NULL
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {inbox} (
                handler        text        NOT NULL,
                message_id     uuid        NOT NULL,
                handled_at     timestamptz NOT NULL,
                PRIMARY KEY (handler, message_id)
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {deadLetters} (
                seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id             uuid        NOT NULL UNIQUE,
                handler        text        NOT NULL,
                message_id     uuid        NOT NULL,
                event_type     text        NOT NULL,
                data           jsonb       NOT NULL,
                message_key    text        NULL,
                sequence       bigint      NOT NULL,
                correlation_id text        NULL,
                causation_id   text        NULL,
                error_type     text        NOT NULL,
                error          text        NOT NULL,
                attempts       integer     NOT NULL,
                failed_at      timestamptz NOT NULL
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {leases} (
                name           text        NOT NULL PRIMARY KEY,
                owner          text        NOT NULL,
                token          bigint      NOT NULL,
                expires_at     timestamptz NOT NULL
            )
            """,
        ];
        StreamVersion = $"SELECT COALESCE(MAX(version), 0) FROM {events} WHERE stream_id = $1";

        // A whole batch in one statement, its versions counted from the stream's and only if the expected version
        // holds ($2 = -1: any). ORDINALITY keeps the batch's order in its positions.
        Append = $"""
            INSERT INTO {events} (event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id, trace_parent)
            SELECT e.event_id, $1, s.current + e.n, e.event_type, e.data, e.timestamp, e.correlation_id, e.causation_id, e.trace_parent
            FROM (SELECT COALESCE(MAX(version), 0) AS current FROM {events} WHERE stream_id = $1) AS s,
                 unnest($3::uuid[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
                     WITH ORDINALITY AS e(event_id, event_type, data, timestamp, correlation_id, causation_id, trace_parent, n)
            WHERE $2 = -1 OR s.current = $2
            ORDER BY e.n
            """;
        const string columns = "position, event_id, stream_id, version, event_type, data::text, timestamp, correlation_id, causation_id, trace_parent";
        Statements = new SqlStatements
        {
            ReadStream = $"SELECT {columns} FROM {events} WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3",
            ReadAll = $"SELECT {columns} FROM {events} WHERE position > $1 ORDER BY position LIMIT $2",
            ReadSnapshot = $"SELECT version, schema_version, data::text FROM {snapshots} WHERE stream_id = $1",
            WriteSnapshot = $"""
                INSERT INTO {snapshots} AS s (stream_id, version, schema_version, data, timestamp) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (stream_id) DO UPDATE SET
                    version = excluded.version, schema_version = excluded.schema_version, data = excluded.data, timestamp = excluded.timestamp
                WHERE excluded.version >= s.version
                """,
            ReadCheckpoint = $"SELECT position FROM {checkpoints} WHERE name = $1",
            WriteCheckpoint = $"INSERT INTO {checkpoints} (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = excluded.position",
            InboxHas = $"SELECT 1 FROM {inbox} WHERE handler = $1 AND message_id = $2",
            InboxMark = $"INSERT INTO {inbox} (handler, message_id, handled_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            DeadLetterAdd = $"""
                INSERT INTO {deadLetters}
                    (id, handler, message_id, event_type, data, message_key, sequence, correlation_id, causation_id, error_type, error, attempts, failed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (id) DO NOTHING
                """,
            DeadLetterList = $"""
                SELECT id, handler, message_id, event_type, data::text, message_key, sequence, correlation_id, causation_id, error_type, error, attempts, failed_at
                FROM {deadLetters} ORDER BY seq
                """,
            DeadLetterRemove = $"DELETE FROM {deadLetters} WHERE id = $1",
            DeadLetterPurge = $"DELETE FROM {deadLetters}",

            // The database's clock times every lease (clock_timestamp: now, not the transaction's start), so the
            // instances' own clocks need not agree. One statement, no session state: safe behind a pooler in transaction mode.
            LeaseAcquire = $"""
                INSERT INTO {leases} AS l (name, owner, token, expires_at)
                VALUES ($1, $2, 1, clock_timestamp() + $3::double precision * interval '1 millisecond')
                ON CONFLICT (name) DO UPDATE SET
                    token = CASE WHEN l.owner = excluded.owner AND l.expires_at > clock_timestamp() THEN l.token ELSE l.token + 1 END,
                    owner = excluded.owner,
                    expires_at = excluded.expires_at
                WHERE l.owner = excluded.owner OR l.expires_at <= clock_timestamp()
                """,
            LeaseToken = $"SELECT token FROM {leases} WHERE name = $1 AND owner = $2",
            LeaseRelease = $"UPDATE {leases} SET expires_at = clock_timestamp() WHERE name = $1 AND owner = $2",
            LeaseForget = $"DELETE FROM {leases} WHERE starts_with(name, $1) AND expires_at <= clock_timestamp() - $2::double precision * interval '1 millisecond'",
            LeaseList = $"SELECT name, owner, token FROM {leases} WHERE starts_with(name, $1) AND expires_at > clock_timestamp() ORDER BY name COLLATE \"C\"",
        };
    }

    public string Name { get; }

    public long LockKey { get; }

    public string[] Create { get; }

    public string StreamVersion { get; }

    public string Append { get; }

    /// <summary>What <see cref="SqlStore"/> runs, with positional parameters.</summary>
    public SqlStatements Statements { get; }

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
