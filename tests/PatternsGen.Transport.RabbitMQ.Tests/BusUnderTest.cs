using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;
using PatternsGen.Resilience;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>Retry settings a contract test asks for; each bus turns them into its own options.</summary>
public sealed record RetryShape(int MaxAttempts, TimeSpan InitialDelay)
{
    public static RetryShape Quick { get; } = new(3, TimeSpan.FromMilliseconds(20));

    public RetryOptions Options() => new()
    {
        Name = "bus-contract",
        MaxAttempts = MaxAttempts,
        InitialDelay = InitialDelay,
        MaxDelay = InitialDelay * 8,
        Jitter = false,
    };
}

/// <summary>A bus as the contract tests drive it.</summary>
public interface IBusUnderTest : IAsyncDisposable
{
    IConfirmingEventBus Bus { get; }

    IDeadLetterQueue DeadLetters { get; }

    /// <summary>Publishes a message with its id and key: accepted (in memory) or confirmed (by a broker).</summary>
    ValueTask PublishAsync(EventMessage message);

    Task<int> ReplayDeadLettersAsync();
}

internal sealed class InMemoryBusUnderTest(InMemoryEventBus bus) : IBusUnderTest
{
    public IConfirmingEventBus Bus => bus;

    public IDeadLetterQueue DeadLetters => bus.DeadLetters;

    public ValueTask PublishAsync(EventMessage message) => bus.PublishAsync(message);

    public Task<int> ReplayDeadLettersAsync() => bus.ReplayDeadLettersAsync();

    public ValueTask DisposeAsync() => bus.DisposeAsync();
}

internal sealed class RabbitMqBusUnderTest(RabbitMqEventBus bus, IReadOnlyList<EventHandlerRegistration> handlers) : IBusUnderTest
{
    public IConfirmingEventBus Bus => bus;

    public IDeadLetterQueue DeadLetters => bus.DeadLetters;

    public ValueTask PublishAsync(EventMessage message) => bus.PublishAsync(message);

    public Task<int> ReplayDeadLettersAsync() => bus.ReplayDeadLettersAsync();

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        await Broker.DeleteAsync(bus.Options, handlers);
    }
}
