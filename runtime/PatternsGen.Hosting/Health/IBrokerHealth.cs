using PatternsGen.Messaging;

namespace PatternsGen.Hosting.Health;

/// <summary>
/// A bus to a message broker as PatternsGen's health checks see it. A broker transport registers one (RabbitMQ's
/// <c>UseRabbitMq</c> does); <c>patternsgen-broker</c> reports whether it is connected, and <c>patternsgen-dead-letters</c>
/// counts its dead letters with the store's.
/// </summary>
public interface IBrokerHealth
{
    /// <summary>The broker, for messages: its kind and address, without a password.</summary>
    string Broker { get; }

    /// <summary>Whether the bus is connected now (it reconnects by itself after a loss).</summary>
    bool IsConnected { get; }

    /// <summary>How many dead letters the broker keeps for this service.</summary>
    Task<long> CountDeadLettersAsync(CancellationToken ct);
}
