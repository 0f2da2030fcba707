using PatternsGen.Sagas;

namespace PatternsGen.EventStore.Testing;

// A saga whose every side effect is a line in a ledger, for crash trials of the saga log. Step n of
// order "o" records ("step", "o:n"); its compensation records ("undo", "o:n"). Keys play the part of
// the idempotency keys real services take: the trials count calls per key to see what ran twice.

/// <summary>The saga's context. <paramref name="FailAt"/>: the step (1–5) that always throws; 0 for none.</summary>
public sealed record ParcelOrder(string Id, int FailAt);

/// <summary>Step 1's result; its compensation checks it came back intact.</summary>
public sealed record Hold(string HoldId, int Quantity);

/// <summary>Step 2's result.</summary>
public readonly record struct Charge(string PaymentId, decimal Amount);

/// <summary>Where the saga's side effects go.</summary>
public interface ISagaEffects
{
    void Record(string kind, string key);
}

/// <summary>Reserve → Pay → Label → Ship (pivot) → Notify; the first three can be undone.</summary>
[Saga]
public partial class ParcelSaga(ISagaEffects effects, SagaLog? log)
{
    public SagaLog? Log { get; } = log;

    [SagaStep(1, Compensate = nameof(Release))]
    public Task<Hold> Reserve(ParcelOrder order, CancellationToken ct)
    {
        Effect(order, 1);
        return Task.FromResult(new Hold("hold-" + order.Id, 3));
    }

    public Task Release(ParcelOrder order, Hold hold, CancellationToken ct)
    {
        Expect(hold == new Hold("hold-" + order.Id, 3), "Release was given the wrong hold: " + hold);
        effects.Record("undo", order.Id + ":1");
        return Task.CompletedTask;
    }

    [SagaStep(2, Compensate = nameof(Refund))]
    public ValueTask<Charge> Pay(ParcelOrder order, CancellationToken ct)
    {
        Effect(order, 2);
        return new(new Charge("pay-" + order.Id, 19.99m));
    }

    public ValueTask Refund(ParcelOrder order, Charge charge, CancellationToken ct)
    {
        Expect(charge == new Charge("pay-" + order.Id, 19.99m), "Refund was given the wrong charge: " + charge);
        effects.Record("undo", order.Id + ":2");
        return ValueTask.CompletedTask;
    }

    [SagaStep(3, Compensate = nameof(VoidLabel))]
    public Task Label(ParcelOrder order, CancellationToken ct)
    {
        Effect(order, 3);
        return Task.CompletedTask;
    }

    public Task VoidLabel(ParcelOrder order, CancellationToken ct)
    {
        effects.Record("undo", order.Id + ":3");
        return Task.CompletedTask;
    }

    [SagaStep(4, Pivot = true)]
    public Task Ship(ParcelOrder order, CancellationToken ct)
    {
        Effect(order, 4);
        return Task.CompletedTask;
    }

    [SagaStep(5)]
    public Task Notify(ParcelOrder order, CancellationToken ct)
    {
        Effect(order, 5);
        return Task.CompletedTask;
    }

    private void Effect(ParcelOrder order, int step)
    {
        if (order.FailAt == step)
        {
            throw new InvalidOperationException($"step {step} of {order.Id} failed");
        }

        effects.Record("step", $"{order.Id}:{step}");
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

/// <summary>What a finished run must have left behind.</summary>
public static class ParcelExpectations
{
    /// <summary>
    /// The keys a run of <paramref name="order"/> leaves when finished: every step with no failure
    /// (completed); else the steps before the failing one, and the undo of each (compensated).
    /// </summary>
    public static (SagaStatus Status, string[] Keys) For(ParcelOrder order)
    {
        if (order.FailAt == 0)
        {
            return (SagaStatus.Completed, Enumerable.Range(1, 5).Select(n => $"step {order.Id}:{n}").ToArray());
        }

        var done = Enumerable.Range(1, order.FailAt - 1).ToList();
        return order.FailAt > 4
            ? (SagaStatus.Stalled, done.Select(n => $"step {order.Id}:{n}").ToArray())
            : (SagaStatus.Compensated, done.Select(n => $"step {order.Id}:{n}").Concat(done.Select(n => $"undo {order.Id}:{n}")).ToArray());
    }

    /// <summary>Orders for trials: every third fails at Pay, every third at Ship (the pivot, so before it), the rest succeed.</summary>
    public static ParcelOrder Order(string prefix, int index) => new($"{prefix}-{index}", (index % 3) switch { 0 => 0, 1 => 2, _ => 4 });
}
