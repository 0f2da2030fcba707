using System.Text;
using Npgsql;
using NpgsqlTypes;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore.PostgreSql;

// The store's schema also keeps what the bus and the readers of the global stream must not lose:
// checkpoints, the inbox and the dead-letter queue, shared by every service instance on the database.
// Implemented explicitly: pass the store where an ICheckpointStore, IInbox or IDeadLetterQueue is asked for.
public sealed partial class PostgresEventStore : ICheckpointStore, IInbox, IDeadLetterQueue
{
    async ValueTask<long> ICheckpointStore.GetAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.ReadCheckpoint, connection) { Parameters = { Parameter(name) } };
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long position ? position : 0;
    }

    async ValueTask ICheckpointStore.SetAsync(string name, long position, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        EventEncoder.ValidateFrom(position, nameof(position));
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.WriteCheckpoint, connection) { Parameters = { Parameter(name), Parameter(position) } };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    async ValueTask<bool> IInbox.HasHandledAsync(string handler, Guid messageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(handler);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.InboxHas, connection) { Parameters = { Parameter(handler), Parameter(messageId) } };
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    async ValueTask IInbox.MarkHandledAsync(string handler, Guid messageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(handler);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.InboxMark, connection)
        {
            Parameters = { Parameter(handler), Parameter(messageId), Parameter(_encoder.TimeProvider.GetUtcNow().ToUniversalTime()) },
        };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    async ValueTask IDeadLetterQueue.AddAsync(DeadLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var message = letter.Message;
        var encoded = _encoder.Encode([message.Event])[0];
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.DeadLetterAdd, connection)
        {
            Parameters =
            {
                Parameter(letter.Id), Parameter(letter.Handler), Parameter(message.MessageId), Parameter(encoded.EventType),
                new NpgsqlParameter<string> { TypedValue = Encoding.UTF8.GetString(encoded.Json!), NpgsqlDbType = NpgsqlDbType.Jsonb },
                Parameter(message.Key), Parameter(message.Sequence), Parameter(message.CorrelationId), Parameter(message.CausationId),
                Parameter(letter.ErrorType), Parameter(letter.Error), Parameter(letter.Attempts), Parameter(letter.FailedAt.ToUniversalTime()),
            },
        };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    async ValueTask<IReadOnlyList<DeadLetter>> IDeadLetterQueue.ListAsync(CancellationToken ct)
    {
        var letters = new List<DeadLetter>();
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.DeadLetterList, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = reader.GetGuid(0);
            var data = _encoder.Decode(reader.GetString(3), Encoding.UTF8.GetBytes(reader.GetString(4)), "dead letter " + id, 0);
            var message = new EventMessage(data, reader.GetGuid(2), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6))
            {
                CorrelationId = reader.IsDBNull(7) ? null : reader.GetString(7),
                CausationId = reader.IsDBNull(8) ? null : reader.GetString(8),
            };
            letters.Add(new DeadLetter(id, message, reader.GetString(1), reader.GetString(9), reader.GetString(10), reader.GetInt32(11),
                reader.GetFieldValue<DateTimeOffset>(12)));
        }

        return letters;
    }

    async ValueTask<bool> IDeadLetterQueue.RemoveAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.DeadLetterRemove, connection) { Parameters = { Parameter(id) } };
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
    }

    async ValueTask<int> IDeadLetterQueue.PurgeAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.DeadLetterPurge, connection);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    // Typed parameters: no boxing, and null strings go as SQL NULL.
    private static NpgsqlParameter Parameter<T>(T value) =>
        value is null ? new NpgsqlParameter { Value = DBNull.Value } : new NpgsqlParameter<T> { TypedValue = value };
}
