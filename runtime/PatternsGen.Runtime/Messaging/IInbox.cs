using System.Collections.Concurrent;

namespace PatternsGen.Messaging;

/// <summary>
/// Which messages each handler has already handled, so a redelivery is skipped. Durable on SQLite and
/// PostgreSQL (the store adapters' message stores); <see cref="InMemoryInbox"/> otherwise.
/// </summary>
public interface IInbox
{
    /// <summary>Whether <paramref name="handler"/> has handled <paramref name="messageId"/>.</summary>
    ValueTask<bool> HasHandledAsync(string handler, Guid messageId, CancellationToken ct = default);

    /// <summary>Records that <paramref name="handler"/> handled <paramref name="messageId"/>.</summary>
    ValueTask MarkHandledAsync(string handler, Guid messageId, CancellationToken ct = default);
}

/// <summary>An inbox for one process's lifetime.</summary>
public sealed class InMemoryInbox : IInbox
{
    private readonly ConcurrentDictionary<(string, Guid), byte> _handled = new();

    /// <inheritdoc />
    public ValueTask<bool> HasHandledAsync(string handler, Guid messageId, CancellationToken ct = default) =>
        new(_handled.ContainsKey((handler, messageId)));

    /// <inheritdoc />
    public ValueTask MarkHandledAsync(string handler, Guid messageId, CancellationToken ct = default)
    {
        _handled.TryAdd((handler, messageId), 0);
        return default;
    }
}
