namespace PatternsGen.Messaging;

/// <summary>
/// Delivers events to every handler that takes them, at least once: a failing handler is retried with
/// backoff, and a message that still fails goes to a dead-letter queue. <see cref="InMemoryEventBus"/>
/// is the embedded default.
/// </summary>
public interface IEventBus
{
    /// <summary>Hands <paramref name="event"/> to the bus; it returns once the message is accepted, not handled.</summary>
    /// <remarks>Each call is a new message with a new id: publishing again on a redelivery publishes twice (PGEN002).</remarks>
    [NonIdempotent]
    ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default)
        where TEvent : notnull;
}
