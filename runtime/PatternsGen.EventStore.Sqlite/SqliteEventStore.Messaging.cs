using System.Text;
using Microsoft.Data.Sqlite;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore.Sqlite;

// The store's database also keeps what the bus and the readers of the global stream must not lose:
// checkpoints, the inbox and the dead-letter queue. One file, so a backup holds all of it. Implemented
// explicitly: pass the store where an ICheckpointStore, IInbox or IDeadLetterQueue is asked for.
public sealed partial class SqliteEventStore : ICheckpointStore, IInbox, IDeadLetterQueue
{
    /// <inheritdoc />
    async ValueTask<long> ICheckpointStore.GetAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.ReadCheckpoint, ("$name", name));
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long position ? position : 0;
    }

    /// <inheritdoc />
    async ValueTask ICheckpointStore.SetAsync(string name, long position, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        EventEncoder.ValidateFrom(position, nameof(position));
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.WriteCheckpoint, ("$name", name), ("$position", position));
        await ExecuteAsync(command, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    async ValueTask<bool> IInbox.HasHandledAsync(string handler, Guid messageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(handler);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.InboxHas, ("$handler", handler), ("$id", messageId.ToString()));
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    async ValueTask IInbox.MarkHandledAsync(string handler, Guid messageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(handler);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.InboxMark,
            ("$handler", handler), ("$id", messageId.ToString()), ("$at", _encoder.TimeProvider.GetUtcNow().UtcTicks));
        await ExecuteAsync(command, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    async ValueTask IDeadLetterQueue.AddAsync(DeadLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var message = letter.Message;
        var encoded = _encoder.Encode([message.Event])[0];
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.DeadLetterAdd,
            ("$id", letter.Id.ToString()), ("$handler", letter.Handler), ("$message", message.MessageId.ToString()),
            ("$type", encoded.EventType), ("$data", Encoding.UTF8.GetString(encoded.Json!)), ("$key", message.Key),
            ("$sequence", message.Sequence), ("$correlation", message.CorrelationId), ("$causation", message.CausationId),
            ("$error_type", letter.ErrorType), ("$error", letter.Error), ("$attempts", letter.Attempts), ("$failed_at", letter.FailedAt.UtcTicks));
        await ExecuteAsync(command, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    async ValueTask<IReadOnlyList<DeadLetter>> IDeadLetterQueue.ListAsync(CancellationToken ct)
    {
        var letters = new List<DeadLetter>();
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.DeadLetterList);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = Guid.Parse(reader.GetString(0));
            var data = _encoder.Decode(reader.GetString(3), reader.GetFieldValue<byte[]>(4), "dead letter " + id, 0);
            var message = new EventMessage(data, Guid.Parse(reader.GetString(2)), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6))
            {
                CorrelationId = reader.IsDBNull(7) ? null : reader.GetString(7),
                CausationId = reader.IsDBNull(8) ? null : reader.GetString(8),
            };
            letters.Add(new DeadLetter(id, message, reader.GetString(1), reader.GetString(9), reader.GetString(10), reader.GetInt32(11),
                new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero)));
        }

        return letters;
    }

    /// <inheritdoc />
    async ValueTask<bool> IDeadLetterQueue.RemoveAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.DeadLetterRemove, ("$id", id.ToString()));
        return await ExecuteAsync(command, ct).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    async ValueTask<int> IDeadLetterQueue.PurgeAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        using var command = Command(connection, SqliteSchema.DeadLetterPurge);
        return await ExecuteAsync(command, ct).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a write, in turn with the process's other writers to the file (<see cref="SqliteWriteGate"/>).</summary>
    private async ValueTask<int> ExecuteAsync(SqliteCommand command, CancellationToken ct)
    {
        using var writing = await _writes.EnterAsync(ct).ConfigureAwait(false);
        try
        {
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Busy(error);
        }
    }
}
