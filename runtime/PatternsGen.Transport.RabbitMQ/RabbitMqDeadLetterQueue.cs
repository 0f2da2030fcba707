using RabbitMQ.Client;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>
/// A service's dead letters, kept by the broker in its <c>&lt;service&gt;.dead-letters</c> quorum queue. Listing takes
/// every letter without acknowledging it and gives them all back; removing acknowledges the one asked for. Meant for an
/// operator's occasional look, not for a hot path: each call walks the queue.
/// </summary>
internal sealed class RabbitMqDeadLetterQueue(RabbitMqEventBus bus, IConnection connection, string queue) : IDeadLetterQueue
{
    public ValueTask AddAsync(DeadLetter letter, CancellationToken ct = default) =>
        ValueTask.FromException(new NotSupportedException("A RabbitMQ bus dead-letters its own messages; letters cannot be added from outside."));

    public async ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct = default)
    {
        var letters = new List<DeadLetter>();
        await WalkAsync((letter, _, _) =>
        {
            letters.Add(letter);
            return new ValueTask<bool>(false);
        }, ct).ConfigureAwait(false);
        return letters.OrderBy(static l => l.FailedAt).ToList();
    }

    public async ValueTask<bool> RemoveAsync(Guid id, CancellationToken ct = default) =>
        await WalkAsync((letter, _, _) => new ValueTask<bool>(letter.Id == id), ct, stopAfterFirst: true).ConfigureAwait(false) > 0;

    public async ValueTask<int> PurgeAsync(CancellationToken ct = default)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        return (int)await channel.QueuePurgeAsync(queue, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes each letter in turn; those <paramref name="settle"/> returns true for are acknowledged (gone), the others go
    /// back to the queue when the walk's channel closes. Returns how many were settled.
    /// </summary>
    internal async Task<int> WalkAsync(Func<DeadLetter, string?, BasicGetResult, ValueTask<bool>> settle, CancellationToken ct, bool stopAfterFirst = false)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        var settled = 0;
        while (await channel.BasicGetAsync(queue, autoAck: false, ct).ConfigureAwait(false) is { } got)
        {
            var letter = DeadLetterHeaders.Read(got.BasicProperties, got.Body, bus, out var from);
            if (await settle(letter, from, got).ConfigureAwait(false))
            {
                await channel.BasicAckAsync(got.DeliveryTag, multiple: false, ct).ConfigureAwait(false);
                settled++;
                if (stopAfterFirst)
                {
                    break;
                }
            }
        }

        await channel.CloseAsync(ct).ConfigureAwait(false); // the letters not settled go back
        return settled;
    }
}
