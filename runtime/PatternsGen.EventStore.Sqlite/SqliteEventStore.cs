using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PatternsGen.Coordination;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore.Sqlite;

/// <summary>
/// An event store in a SQLite database file: the embedded default. WAL journaling lets readers run
/// while one writer appends; appends run in <c>BEGIN IMMEDIATE</c> transactions, so concurrent
/// writers (threads or processes) queue for the write lock and then either succeed or get a
/// <see cref="ConcurrencyException"/>. Writers of one process queue in the process first, without a
/// thread each, and those that wait together share one commit. A crash
/// mid-append leaves no part of the batch behind.
/// </summary>
/// <remarks>The same file keeps what the bus and the readers of the global stream must not lose: checkpoints, the inbox
/// and the dead-letter queue, so a backup holds all of it. Pass the store where an <see cref="ICheckpointStore"/>,
/// <see cref="IInbox"/> or <see cref="IDeadLetterQueue"/> is asked for.</remarks>
/// <example><code>var store = new SqliteEventStore("Data Source=orders.db");</code></example>
public sealed class SqliteEventStore : IEventStore, ISnapshotStore, IAppendNotifier, ITransactionalCheckpointStore, IInbox, IDeadLetterQueue, ILeaseStore, ISqlDialect, ISqlMessageStore
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly EventEncoder _encoder;
    private readonly SchemaGate _schema = new();
    private readonly SqliteWriteQueue _writes;
    private readonly int _busyTimeoutMilliseconds;
    private readonly SqlStore _store;

    /// <summary>Creates a store on <paramref name="connectionString"/> (e.g. <c>Data Source=events.db</c>). Nothing is opened until first use.</summary>
    public SqliteEventStore(string connectionString, EventStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new ArgumentException(
                "SqliteEventStore needs a database file (each connection to an in-memory SQLite database sees a different one); use InMemoryEventStore instead.",
                nameof(connectionString));
        }

        _connectionString = builder.ToString();
        _writes = SqliteWriteQueue.For(builder.DataSource);
        _busyTimeoutMilliseconds = builder.DefaultTimeout * 1000;
        _encoder = new EventEncoder(options);
        _store = new SqlStore(SqliteSchema.Statements, _encoder, this);
    }

    /// <inheritdoc />
    public AppendSignal Appends { get; } = new();

    SqlStore ISqlMessageStore.Sql => _store;

    /// <inheritdoc />
    public async ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
    {
        EventEncoder.ValidateAppend(streamId, expectedVersion, events);
        var pending = _encoder.Encode(events);
        try
        {
            var version = await _writes.RunAsync(
                OpenAsync,
                (connection, transaction, ct) => AppendAsync(connection, transaction, streamId, expectedVersion, pending, ct),
                ct).ConfigureAwait(false);
            if (pending.Length > 0)
            {
                Appends.Signal();
            }

            return version;
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
        {
            // Only reachable if another writer got in despite the write lock (e.g. a second store on a
            // copy of the schema without it); the unique (stream, version) key still keeps the stream whole.
            var actual = await ReadVersionAsync(streamId, ct).ConfigureAwait(false);
            throw new ConcurrencyException(streamId, expectedVersion, actual);
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Busy(error);
        }
    }

    private static async ValueTask<long> AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, string streamId, long expectedVersion, PendingEvent[] pending, CancellationToken ct)
    {
        var version = await StreamVersionAsync(connection, transaction, streamId, ct).ConfigureAwait(false);
        if (expectedVersion != ExpectedVersion.Any && expectedVersion != version)
        {
            throw new ConcurrencyException(streamId, expectedVersion, version);
        }

        if (pending.Length == 0)
        {
            return version;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = SqliteSchema.Insert;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$stream", streamId);
        var number = insert.Parameters.Add("$version", SqliteType.Integer);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var data = insert.Parameters.Add("$data", SqliteType.Text);
        var timestamp = insert.Parameters.Add("$timestamp", SqliteType.Integer);
        var correlation = insert.Parameters.Add("$correlation", SqliteType.Text);
        var causation = insert.Parameters.Add("$causation", SqliteType.Text);
        var trace = insert.Parameters.Add("$trace", SqliteType.Text);
        foreach (var e in pending)
        {
            id.Value = e.EventId.ToString();
            number.Value = ++version;
            type.Value = e.EventType;
            data.Value = Encoding.UTF8.GetString(e.Json!);
            timestamp.Value = e.Timestamp.UtcTicks;
            correlation.Value = (object?)e.CorrelationId ?? DBNull.Value;
            causation.Value = (object?)e.CausationId ?? DBNull.Value;
            trace.Value = (object?)e.TraceParent ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return version;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken ct = default) =>
        _store.ReadStreamAsync(streamId, fromVersion, ct);

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 0, CancellationToken ct = default) =>
        _store.ReadAllAsync(fromPosition, ct);

    /// <inheritdoc />
    public ValueTask<Snapshot<TState>?> ReadSnapshotAsync<TState>(string streamId, int schemaVersion, CancellationToken ct = default) =>
        _store.ReadSnapshotAsync<TState>(streamId, schemaVersion, ct);

    /// <inheritdoc />
    public ValueTask WriteSnapshotAsync<TState>(string streamId, Snapshot<TState> snapshot, CancellationToken ct = default) =>
        _store.WriteSnapshotAsync(streamId, snapshot, ct);

    private async ValueTask<long> ReadVersionAsync(string streamId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await StreamVersionAsync(connection, null, streamId, ct).ConfigureAwait(false);
    }

    private static async ValueTask<long> StreamVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, string streamId, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteSchema.StreamVersion;
        command.Parameters.AddWithValue("$stream", streamId);
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    async ValueTask<DbConnection> ISqlDialect.OpenAsync(CancellationToken ct) => await OpenAsync(ct).ConfigureAwait(false);

    DbCommand ISqlDialect.CreateCommand() => new SqliteCommand();

    /// <summary>Runs a write in turn with the process's other writers to the file, maybe sharing their commit (<see cref="SqliteWriteQueue"/>).</summary>
    async ValueTask<int> ISqlDialect.ExecuteWriteAsync(DbCommand command, CancellationToken ct)
    {
        try
        {
            return await _writes.RunAsync(
                OpenAsync,
                (connection, transaction, ct) =>
                {
                    command.Connection = connection;
                    command.Transaction = transaction;
                    return new ValueTask<int>(command.ExecuteNonQueryAsync(ct));
                },
                ct).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Busy(error);
        }
    }

    /// <summary>A write transaction, in turn with the process's other writers to the file.</summary>
    async ValueTask ISqlDialect.RunInWriteTransactionAsync(Func<DbConnection, DbTransaction, ValueTask> work, CancellationToken ct)
    {
        try
        {
            await _writes.RunAsync(
                OpenAsync,
                async (connection, transaction, _) =>
                {
                    await work(connection, transaction).ConfigureAwait(false);
                    return true;
                },
                ct).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Busy(error);
        }
    }

    /// <summary>
    /// The transaction a projection run with <c>ProjectionOptions.Transactional</c> is in, while its <c>Project</c> method
    /// runs: write the view through it (<c>tx.Connection.CreateCommand()</c> with <c>Transaction = tx</c>) and the view
    /// and the checkpoint commit together. Null anywhere else. Do not append to the store from there: the file has one writer.
    /// </summary>
    public static SqliteTransaction? ProjectionTransaction => SqlTransactionScope.Current as SqliteTransaction;

    // GUIDs as text, times as UTC ticks, JSON as text.
    DbParameter ISqlDialect.Parameter(string name, object? value) => new SqliteParameter("$" + name, value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString(),
        DateTimeOffset time => time.UtcTicks,
        SqlJson json => Encoding.UTF8.GetString(json.Utf8),
        _ => value,
    });

    Guid ISqlDialect.ReadId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    DateTimeOffset ISqlDialect.ReadTime(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    byte[] ISqlDialect.ReadJson(DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal); // TEXT read as its UTF-8 bytes

    private async ValueTask<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            // Another process's writer is waited for by SQLite's own busy handler, in steps of a few milliseconds,
            // before Microsoft.Data.Sqlite's retry (150 ms sleeps) is reached; the connection string's timeout still bounds it.
            SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, _busyTimeoutMilliseconds);

            await _schema.EnsureAsync(CreateSchemaAsync, connection, ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async ValueTask CreateSchemaAsync(SqliteConnection connection, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Create;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        command.CommandText = SqliteSchema.HasTraceParent;
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = SqliteSchema.AddTraceParent;
            try
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (SqliteException error) when (error.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // another process added it first
            }
        }
    }

    private TimeoutException Busy(SqliteException error) => new(
        "The SQLite database stayed locked by another connection for longer than the command timeout " +
        $"(Default Timeout in the connection string, now {new SqliteConnectionStringBuilder(_connectionString).DefaultTimeout} s). Nothing was written.",
        error);
}
