using Microsoft.Extensions.Logging;
using PatternsGen.Resilience;

namespace PatternsGen.Messaging;

/// <summary>Settings of an <see cref="InMemoryEventBus"/>.</summary>
public sealed class EventBusOptions
{
    /// <summary>
    /// How a failing handler is retried before its message is dead-lettered. Default:
    /// 5 attempts, 1 s doubling to 60 s, with jitter. Its <see cref="RetryOptions.TimeProvider"/>
    /// is the bus's clock: pass a <c>FakeTimeProvider</c> in tests.
    /// </summary>
    public RetryOptions Retry { get; set; } = new() { Name = "event-bus" };

    /// <summary>De-duplicates the messages of handlers that opt in (<c>[EventHandler(UseInbox = true)]</c>). Default: in memory.</summary>
    public IInbox Inbox { get; set; } = new InMemoryInbox();

    /// <summary>Where messages go that still fail after the last attempt. Default: in memory.</summary>
    public IDeadLetterQueue DeadLetters { get; set; } = new InMemoryDeadLetterQueue();

    /// <summary>
    /// How many handler calls may run at once. Messages with one key reach one handler one at a time, in
    /// order, whatever this is. Default: twice the processor count, at least 4.
    /// </summary>
    public int Concurrency { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Where dead letters (Error) and retries (through <see cref="Retry"/>) are logged; none by default.</summary>
    public ILogger? Logger { get; set; }
}
