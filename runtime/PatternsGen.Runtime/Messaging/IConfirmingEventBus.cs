namespace PatternsGen.Messaging;

/// <summary>
/// A bus that says when a message is safe, so that an <see cref="EventStorePublisher"/> moves its checkpoint
/// only past messages that can no longer be lost.
/// </summary>
public interface IConfirmingEventBus : IEventBus
{
    /// <summary>
    /// Hands <paramref name="message"/> (with its id and key) to the bus and completes once the bus cannot lose it:
    /// <see cref="InMemoryEventBus"/> when every handler has handled or dead-lettered it, a broker transport when the
    /// broker has confirmed it. Faults when that cannot be promised.
    /// </summary>
    Task DeliverAsync(EventMessage message, CancellationToken ct = default);
}
