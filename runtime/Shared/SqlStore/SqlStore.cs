using System.Data.Common;
using PatternsGen.Coordination;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore;

/// <summary>
/// What the SQL stores do alike, on ADO.NET: reading streams a page at a time, snapshots, checkpoints, the inbox
/// and dead letters. A store supplies its statements and its <see cref="ISqlDialect"/>; appending, where the stores'
/// locking differs, stays with each store.
/// </summary>
internal sealed class SqlStore(SqlStatements sql, EventEncoder encoder, ISqlDialect dialect)
{
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion, CancellationToken ct)
    {
        EventEncoder.ValidateStreamId(streamId);
        EventEncoder.ValidateFrom(fromVersion, nameof(fromVersion));
        return EventPages.ReadAsync((from, limit, token) => ReadPageAsync(sql.ReadStream, streamId, from, limit, token), fromVersion, byPosition: false, ct);
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition, CancellationToken ct)
    {
        EventEncoder.ValidateFrom(fromPosition, nameof(fromPosition));
        return EventPages.ReadAsync((from, limit, token) => ReadPageAsync(sql.ReadAll, null, from, limit, token), fromPosition, byPosition: true, ct);
    }

    public async ValueTask<Snapshot<TState>?> ReadSnapshotAsync<TState>(string streamId, int schemaVersion, CancellationToken ct)
    {
        EventEncoder.ValidateStreamId(streamId);
        await using var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, sql.ReadSnapshot, ("stream", streamId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false) || reader.GetInt32(1) != schemaVersion)
        {
            return null;
        }

        var state = encoder.DecodeSnapshot<TState>(dialect.ReadJson(reader, 2));
        return state is null ? null : new Snapshot<TState>(reader.GetInt64(0), schemaVersion, state);
    }

    public async ValueTask WriteSnapshotAsync<TState>(string streamId, Snapshot<TState> snapshot, CancellationToken ct)
    {
        EventEncoder.ValidateStreamId(streamId);
        ArgumentNullException.ThrowIfNull(snapshot);
        var json = encoder.EncodeSnapshot(snapshot.State);
        await using var command = Write(sql.WriteSnapshot,
            ("stream", streamId), ("version", snapshot.Version), ("schema", snapshot.SchemaVersion), ("data", new SqlJson(json)),
            ("timestamp", encoder.TimeProvider.GetUtcNow()));
        await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false);
    }

    public async ValueTask<long> GetCheckpointAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, sql.ReadCheckpoint, ("name", name));
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long position ? position : 0;
    }

    public async ValueTask SetCheckpointAsync(string name, long position, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        EventEncoder.ValidateFrom(position, nameof(position));
        await using var command = Write(sql.WriteCheckpoint, ("name", name), ("position", position));
        await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false);
    }

    public async Task RunAndCheckpointAsync(string name, long position, Func<CancellationToken, ValueTask> work, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        EventEncoder.ValidateFrom(position, nameof(position));
        ArgumentNullException.ThrowIfNull(work);
        await dialect.RunInWriteTransactionAsync(async (connection, transaction) =>
        {
            // Where the provider batches, the view's queued writes and the checkpoint go in one round trip.
            await using var batch = connection.CanCreateBatch ? connection.CreateBatch() : null;
            if (batch is not null)
            {
                (batch.Connection, batch.Transaction) = (connection, transaction);
            }

            using (SqlTransactionScope.Enter(transaction, batch))
            {
                await work(ct).ConfigureAwait(false);
            }

            if (batch is null)
            {
                await using var command = Command(connection, sql.WriteCheckpoint, ("name", name), ("position", position));
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return;
            }

            var checkpoint = batch.CreateBatchCommand();
            checkpoint.CommandText = sql.WriteCheckpoint;
            checkpoint.Parameters.Add(dialect.Parameter("name", name));
            checkpoint.Parameters.Add(dialect.Parameter("position", position));
            batch.BatchCommands.Add(checkpoint);
            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    public async ValueTask<long?> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromMilliseconds(1));
        await using (var acquire = Write(sql.LeaseAcquire, ("name", name), ("owner", owner), ("ms", (long)Math.Ceiling(duration.TotalMilliseconds))))
        {
            if (await dialect.ExecuteWriteAsync(acquire, ct).ConfigureAwait(false) == 0)
            {
                return null; // another owner holds it
            }
        }

        // Ours until it expires: nobody else can change the token before then.
        await using var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var token = Command(connection, sql.LeaseToken, ("name", name), ("owner", owner));
        return await token.ExecuteScalarAsync(ct).ConfigureAwait(false) is long value ? value : null;
    }

    public async ValueTask ReleaseLeaseAsync(string name, string owner, CancellationToken ct)
    {
        await using var command = Write(sql.LeaseRelease, ("name", name), ("owner", owner));
        await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await using var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, sql.LeaseList, ("prefix", prefix));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var held = new List<Lease>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            held.Add(new Lease(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return held;
    }

    public async ValueTask<int> ForgetLeasesAsync(string prefix, TimeSpan expiredFor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(expiredFor, TimeSpan.Zero);
        await using var command = Write(sql.LeaseForget, ("prefix", prefix), ("ms", (long)expiredFor.TotalMilliseconds));
        return await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false);
    }

    public async ValueTask<bool> HasHandledAsync(string handler, Guid messageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(handler);
        await using var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, sql.InboxHas, ("handler", handler), ("id", messageId));
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    public async ValueTask MarkHandledAsync(string handler, Guid messageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(handler);
        await using var command = Write(sql.InboxMark,
            ("handler", handler), ("id", messageId), ("at", encoder.TimeProvider.GetUtcNow()));
        await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false);
    }

    public async ValueTask AddDeadLetterAsync(DeadLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var message = letter.Message;
        var encoded = encoder.Encode([message.Event])[0];
        await using var command = Write(sql.DeadLetterAdd,
            ("id", letter.Id), ("handler", letter.Handler), ("message", message.MessageId), ("type", encoded.EventType),
            ("data", new SqlJson(encoded.Json!)), ("key", message.Key), ("sequence", message.Sequence), ("correlation", message.CorrelationId),
            ("causation", message.CausationId), ("error_type", letter.ErrorType), ("error", letter.Error), ("attempts", letter.Attempts),
            ("failed_at", letter.FailedAt));
        await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken ct)
    {
        var letters = new List<DeadLetter>();
        await using var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, sql.DeadLetterList);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = dialect.ReadId(reader, 0);
            var data = encoder.Decode(reader.GetString(3), dialect.ReadJson(reader, 4), "dead letter " + id, 0);
            var message = new EventMessage(data, dialect.ReadId(reader, 2), NullableString(reader, 5), reader.GetInt64(6))
            {
                CorrelationId = NullableString(reader, 7),
                CausationId = NullableString(reader, 8),
            };
            letters.Add(new DeadLetter(id, message, reader.GetString(1), reader.GetString(9), reader.GetString(10), reader.GetInt32(11), dialect.ReadTime(reader, 12)));
        }

        return letters;
    }

    public async ValueTask<bool> RemoveDeadLetterAsync(Guid id, CancellationToken ct)
    {
        await using var command = Write(sql.DeadLetterRemove, ("id", id));
        return await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false) > 0;
    }

    public async ValueTask<int> PurgeDeadLettersAsync(CancellationToken ct)
    {
        await using var command = Write(sql.DeadLetterPurge);
        return await dialect.ExecuteWriteAsync(command, ct).ConfigureAwait(false);
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private DbCommand Command(DbConnection connection, string text, params (string Name, object? Value)[] parameters) =>
        WithParameters(connection.CreateCommand(), text, parameters);

    /// <summary>A write, for <see cref="ISqlDialect.ExecuteWriteAsync"/> to run on a connection it chooses.</summary>
    private DbCommand Write(string text, params (string Name, object? Value)[] parameters) =>
        WithParameters(dialect.CreateCommand(), text, parameters);

    private DbCommand WithParameters(DbCommand command, string text, (string Name, object? Value)[] parameters)
    {
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(dialect.Parameter(name, value));
        }

        return command;
    }

    private async ValueTask<List<RecordedEvent>> ReadPageAsync(string text, string? streamId, long from, int limit, CancellationToken ct)
    {
        var page = new List<RecordedEvent>();
        await using var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = streamId is null
            ? Command(connection, text, ("from", from), ("limit", limit))
            : Command(connection, text, ("stream", streamId), ("from", from), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            page.Add(ReadEvent(reader));
        }

        return page;
    }

    private RecordedEvent ReadEvent(DbDataReader reader)
    {
        var streamId = reader.GetString(2);
        var version = reader.GetInt64(3);
        var eventType = reader.GetString(4);
        var data = encoder.Decode(eventType, dialect.ReadJson(reader, 5), streamId, version);
        return new RecordedEvent(
            dialect.ReadId(reader, 1),
            streamId,
            version,
            reader.GetInt64(0),
            eventType,
            data,
            dialect.ReadTime(reader, 6),
            NullableString(reader, 7),
            NullableString(reader, 8),
            NullableString(reader, 9));
    }
}
