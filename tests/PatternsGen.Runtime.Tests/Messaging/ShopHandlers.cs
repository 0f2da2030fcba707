using System.Collections.Concurrent;
using PatternsGen.Messaging;

namespace PatternsGen.Runtime.Tests.Messaging;

[Event("test.order-placed")]
public sealed record OrderPlaced(string OrderId, int Number);

[Event("test.order-shipped")]
public sealed record OrderShipped(string OrderId) : IOrderEvent;

public interface IOrderEvent;

/// <summary>What the handlers saw, and the faults the tests inject.</summary>
public sealed class Journal
{
    public ConcurrentQueue<string> Seen { get; } = new();

    /// <summary>How many more times a call (e.g. "placed o-1") throws before it succeeds; -1: always.</summary>
    public ConcurrentDictionary<string, int> Faults { get; } = new();

    private readonly ConcurrentBag<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public ConcurrentQueue<int> Attempts { get; } = new();

    /// <summary>Completes once <paramref name="count"/> attempts have been recorded: a wait on work, not on time.</summary>
    public Task AttemptsReached(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((count, reached));
        if (Attempts.Count >= count)
        {
            reached.TrySetResult();
        }

        return reached.Task;
    }

    public void Record(string call, int attempt = 1)
    {
        Attempts.Enqueue(attempt);
        foreach (var (count, reached) in _waiters)
        {
            if (Attempts.Count >= count)
            {
                reached.TrySetResult();
            }
        }

        if (Faults.TryGetValue(call, out var remaining) && remaining != 0)
        {
            Faults[call] = remaining - 1;
            throw new InvalidOperationException($"{call} failed (attempt {attempt})");
        }

        Seen.Enqueue(call);
    }
}

public partial class ShopHandlers(Journal journal)
{
    [EventHandler]
    public Task OnPlaced(OrderPlaced e, EventContext context, CancellationToken ct)
    {
        journal.Record($"placed {e.OrderId}#{e.Number}", context.Attempt);
        return Task.CompletedTask;
    }

    [EventHandler("test.order-shipped", UseInbox = true)]
    public ValueTask OnShipped(OrderShipped e, CancellationToken ct)
    {
        journal.Record($"shipped {e.OrderId}");
        return default;
    }
}

public partial class AuditHandlers(Journal journal)
{
    /// <summary>Every order event, through the interface: a handler of a base type gets its subtypes.</summary>
    [EventHandler, Idempotent]
    public void OnAny(IOrderEvent e) => journal.Record($"audit {e}");
}
