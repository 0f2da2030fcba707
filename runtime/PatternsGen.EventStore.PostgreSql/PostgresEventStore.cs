using System.Data.Common;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using PatternsGen.Coordination;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore.PostgreSql;

/// <summary>
/// An event store in PostgreSQL, shared by many service instances. Each append is one transaction that
/// first takes a transaction-scoped advisory lock, so positions are handed out and committed in the
/// same order and <see cref="ReadAllAsync"/> can never pass over an event that commits later with a
/// lower position. Concurrent writers to one stream get success or <see cref="ConcurrencyException"/>.
/// </summary>
/// <remarks>Its schema also keeps checkpoints, the inbox and the dead-letter queue, shared by every instance on the
/// database. Pass the store where an <see cref="ICheckpointStore"/>, <see cref="IInbox"/> or
/// <see cref="IDeadLetterQueue"/> is asked for.</remarks>
/// <example><code>await using var store = new PostgresEventStore("Host=db;Username=app;Password=…;Database=orders");</code></example>
public sealed class PostgresEventStore : IEventStore, ISnapshotStore, IAppendNotifier, ITransactionalCheckpointStore, IInbox, IDeadLetterQueue, ILeaseStore, IAsyncDisposable, IDisposable, ISqlDialect, ISqlMessageStore
{
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSchema _sql;
    private readonly EventEncoder _encoder;
    private readonly SchemaGate _schemaGate = new();
    private readonly SqlStore _store;

    /// <summary>Creates a store on <paramref name="connectionString"/>, in database schema <c>public</c>.</summary>
    public PostgresEventStore(string connectionString)
        : this(connectionString, null)
    {
    }

    /// <summary>Creates a store; its tables live in <paramref name="schema"/> (default <c>public</c>), created on first use.</summary>
    public PostgresEventStore(string connectionString, EventStoreOptions? options, string schema = "public")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        _dataSource = DataSource(connectionString);
        _sql = new PostgresSchema(schema);
        _encoder = new EventEncoder(options);
        _store = new SqlStore(_sql.Statements, _encoder, this);
    }

    /// <inheritdoc />
    public AppendSignal Appends { get; } = new();

    /// <summary>
    /// The connections: Npgsql prepares the statements used most (the store's, and a view's) unless the connection
    /// string says otherwise (<c>Max Auto Prepare=0</c> behind a pooler that cannot keep prepared statements).
    /// </summary>
    private static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString).EnableArrays();
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (!given.Any(static key => key.Replace(" ", "", StringComparison.Ordinal).Equals("maxautoprepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        return builder.Build();
    }

    SqlStore ISqlMessageStore.Sql => _store;

    /// <inheritdoc />
    public async ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
    {
        EventEncoder.ValidateAppend(streamId, expectedVersion, events);
        var pending = _encoder.Encode(events);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);

        // One round trip and one implicit transaction: the lock, the version read with a snapshot taken after it, and
        // the insert, committed at the batch's end. The lock is held only while the server works, never while a
        // reply travels back to this process.
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(PostgresSchema.LockAppends, _sql.LockKey));
        batch.BatchCommands.Add(Command(_sql.StreamVersion, streamId));
        if (pending.Length > 0)
        {
            batch.BatchCommands.Add(AppendCommand(streamId, expectedVersion, pending));
        }

        long current;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.NextResultAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            current = reader.GetInt64(0);

            // Read to the batch's end here, so that an error of the insert surfaces now and the commit is done.
            while (await reader.NextResultAsync(ct).ConfigureAwait(false))
            {
            }
        }
        catch (PostgresException error) when (error.SqlState == UniqueViolation)
        {
            // Unreachable while every writer takes the append lock; the unique key is the backstop.
            throw new ConcurrencyException(streamId, expectedVersion, await StreamVersionAsync(streamId, ct).ConfigureAwait(false));
        }

        // The insert added nothing when the expected version did not hold.
        if (expectedVersion != ExpectedVersion.Any && expectedVersion != current)
        {
            throw new ConcurrencyException(streamId, expectedVersion, current);
        }

        Appends.Signal();
        return current + pending.Length;
    }

    private NpgsqlBatchCommand AppendCommand(string streamId, long expectedVersion, PendingEvent[] pending)
    {
        var ids = new Guid[pending.Length];
        var types = new string[pending.Length];
        var data = new string[pending.Length];
        var times = new DateTimeOffset[pending.Length];
        var correlations = new string?[pending.Length];
        var causations = new string?[pending.Length];
        var traces = new string?[pending.Length];
        for (var i = 0; i < pending.Length; i++)
        {
            var e = pending[i];
            ids[i] = e.EventId;
            types[i] = e.EventType;
            data[i] = Encoding.UTF8.GetString(e.Json!);
            times[i] = e.Timestamp.ToUniversalTime();
            correlations[i] = e.CorrelationId;
            causations[i] = e.CausationId;
            traces[i] = e.TraceParent;
        }

        var command = new NpgsqlBatchCommand(_sql.Append);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = times });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = correlations, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = causations, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = traces, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    private async ValueTask<long> StreamVersionAsync(string streamId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.StreamVersion, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
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

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    async ValueTask<DbConnection> ISqlDialect.OpenAsync(CancellationToken ct) => await OpenAsync(ct).ConfigureAwait(false);

    DbCommand ISqlDialect.CreateCommand() => new NpgsqlCommand();

    async ValueTask<int> ISqlDialect.ExecuteWriteAsync(DbCommand command, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        command.Connection = connection;
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    async ValueTask ISqlDialect.RunInWriteTransactionAsync(Func<DbConnection, DbTransaction, ValueTask> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The transaction a projection run with <c>ProjectionOptions.Transactional</c> is in, while its <c>Project</c> method
    /// runs: write the view through it (<c>new NpgsqlCommand(sql, tx.Connection, tx)</c>) and the view and the checkpoint
    /// commit together. Null anywhere else.
    /// </summary>
    public static NpgsqlTransaction? ProjectionTransaction => SqlTransactionScope.Current as NpgsqlTransaction;

    /// <summary>
    /// Writes queued for the same transaction, sent with the checkpoint in one round trip when the projection's events
    /// commit: add an <see cref="NpgsqlBatchCommand"/> per write instead of running a command per event, and a view
    /// rebuilds many times faster. They run after any command run through <see cref="ProjectionTransaction"/>, in the order
    /// queued; a write that must see an earlier one's effect at once goes through <see cref="ProjectionTransaction"/>. Null
    /// outside a transactional projection.
    /// </summary>
    public static NpgsqlBatch? ProjectionBatch => SqlTransactionScope.CurrentBatch as NpgsqlBatch;

    // Positional ($1, $2, …): the name is only the reader's. Typed where a type is known, so nothing is boxed twice.
    DbParameter ISqlDialect.Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        SqlJson json => new NpgsqlParameter<string> { TypedValue = Encoding.UTF8.GetString(json.Utf8), NpgsqlDbType = NpgsqlDbType.Jsonb },
        DateTimeOffset time => new NpgsqlParameter<DateTimeOffset> { TypedValue = time.ToUniversalTime() },
        _ => new NpgsqlParameter { Value = value },
    };

    Guid ISqlDialect.ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    DateTimeOffset ISqlDialect.ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    byte[] ISqlDialect.ReadJson(DbDataReader reader, int ordinal) => Encoding.UTF8.GetBytes(reader.GetString(ordinal)); // selected as ::text

    private static NpgsqlBatchCommand Command<T>(string sql, T value)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return command;
    }

    private async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await _schemaGate.EnsureAsync(CreateSchemaAsync, connection, ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Under the append lock: two instances creating the schema at once would otherwise race inside
    // CREATE ... IF NOT EXISTS, and one would fail on the catalog's unique index.
    private async ValueTask CreateSchemaAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command(PostgresSchema.LockAppends, _sql.LockKey));
            foreach (var statement in _sql.Create)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
            }

            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
