using PatternsGen.EventSourcing;
using PatternsGen.Sagas;

namespace PatternsGen.Runtime.Tests.Sagas.Log;

/// <summary>Steps declared <c>NothingToUndo</c>: passed over when compensating, recorded as such, and resumed past.</summary>
public sealed class NothingToUndoTests
{
    [Fact]
    public async Task Compensation_passes_over_reading_steps_and_the_log_records_each_one()
    {
        var store = new InMemoryEventStore();
        var saga = new CheckoutSaga(new SagaLog(store)) { FailShipping = true };

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => saga.ExecuteAsync("c1", new Checkout("o-1")));

        Assert.Equal("Ship", error.StepName);
        Assert.Empty(error.CompensationFailures);
        Assert.Equal(["Validate", "Quote", "Charge", "Ship", "Refund"], saga.Calls);
        Assert.Equal(
            [
                new SagaStepCompensated(2, "Charge", "Refund"),
                new SagaStepHadNothingToUndo(1, "Quote"),
                new SagaStepHadNothingToUndo(0, "Validate"),
                new SagaFinished(SagaStatus.Compensated),
            ],
            (await RecordsAsync(store, "c1"))[^4..]);
    }

    [Theory]
    [InlineData(7)] // the append of SagaStepHadNothingToUndo(1, "Quote")
    [InlineData(8)] // the append of SagaStepHadNothingToUndo(0, "Validate")
    public async Task A_crash_while_passing_over_them_resumes_to_compensated_without_refunding_twice(int crashAt)
    {
        var store = new InMemoryEventStore();
        var first = new CheckoutSaga(new SagaLog(new CrashingStore(store, crashAt, afterWrite: false))) { FailShipping = true };
        await Assert.ThrowsAsync<SagaLogException>(() => first.ExecuteAsync("c1", new Checkout("o-1")));

        var second = new CheckoutSaga(new SagaLog(store));
        Assert.Equal(SagaStatus.Compensated, await second.ResumeAsync("c1"));

        Assert.Equal(["Validate", "Quote", "Charge", "Ship", "Refund"], first.Calls);
        Assert.Empty(second.Calls);
        var records = await RecordsAsync(store, "c1");
        Assert.Equal([new SagaStepHadNothingToUndo(1, "Quote"), new SagaStepHadNothingToUndo(0, "Validate")], records.OfType<SagaStepHadNothingToUndo>());
        Assert.Equal(new SagaFinished(SagaStatus.Compensated), records[^1]);
    }

    private static async Task<List<object>> RecordsAsync(IEventStore store, string sagaId)
    {
        var records = new List<object>();
        await foreach (var e in store.ReadStreamAsync(SagaLog.StreamId(nameof(CheckoutSaga), sagaId)))
        {
            records.Add(e.Data);
        }

        return records;
    }
}

public sealed record Checkout(string OrderId);

[Saga]
public partial class CheckoutSaga(SagaLog log)
{
    public SagaLog Log { get; } = log;

    public bool FailShipping { get; init; }

    public List<string> Calls { get; } = [];

    [SagaStep(1, NothingToUndo = true)]
    public Task Validate(Checkout checkout, CancellationToken ct) => Called(nameof(Validate));

    [SagaStep(2, NothingToUndo = true)]
    public async Task<decimal> Quote(Checkout checkout, CancellationToken ct)
    {
        await Called(nameof(Quote));
        return 12.5m;
    }

    [SagaStep(3, Compensate = nameof(Refund))]
    public Task Charge(Checkout checkout, CancellationToken ct) => Called(nameof(Charge));

    public Task Refund(Checkout checkout, CancellationToken ct) => Called(nameof(Refund));

    [SagaStep(4, Pivot = true)]
    public async Task Ship(Checkout checkout, CancellationToken ct)
    {
        await Called(nameof(Ship));
        if (FailShipping)
        {
            throw new InvalidOperationException("shipping is down");
        }
    }

    private Task Called(string name)
    {
        Calls.Add(name);
        return Task.CompletedTask;
    }
}
