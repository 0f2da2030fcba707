using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Sagas;

namespace PatternsGen.Runtime.Tests.Sagas.Log;

public sealed class SagaLogTests
{
    private readonly InMemoryEventStore _store = new();
    private readonly MemoryEffects _effects = new();

    [Fact]
    public async Task A_completed_run_is_recorded_step_by_step_and_resuming_it_runs_nothing()
    {
        var log = new SagaLog(_store);
        await new ParcelSaga(_effects, log).ExecuteAsync("r1", new ParcelOrder("o", 0));

        var records = await RecordsAsync("r1");
        Assert.Equal(
            ["SagaStarted", "SagaStepCompleted", "SagaStepCompleted", "SagaStepCompleted", "SagaStepCompleted", "SagaStepCompleted", "SagaFinished"],
            records.Select(static r => r.GetType().Name));
        Assert.Equal(new SagaFinished(SagaStatus.Completed), records[^1]);
        var calls = _effects.Calls.Count;

        Assert.Equal(SagaStatus.Completed, await new ParcelSaga(_effects, log).ResumeAsync("r1"));
        Assert.Equal(calls, _effects.Calls.Count);
    }

    [Fact]
    public async Task A_failed_run_records_the_failure_and_each_compensation_and_ends_compensated()
    {
        var log = new SagaLog(_store);
        await Assert.ThrowsAsync<SagaExecutionException>(() => new ParcelSaga(_effects, log).ExecuteAsync("r1", new ParcelOrder("o", 3)));

        var records = await RecordsAsync("r1");
        Assert.Equal(new SagaStepFailed(2, "Label", typeof(InvalidOperationException).FullName!, "step 3 of o failed", PastPivot: false), records[3]);
        Assert.Equal([new SagaStepCompensated(1, "Pay", "Refund"), new SagaStepCompensated(0, "Reserve", "Release")], records[4..6]);
        Assert.Equal(new SagaFinished(SagaStatus.Compensated), records[^1]);
        Assert.Equal(SagaStatus.Compensated, (await log.ReadAsync(nameof(ParcelSaga), "r1")).Status);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public async Task A_crash_at_any_append_is_resumed_to_the_same_end_and_only_the_interrupted_call_runs_again(int failAt, bool afterWrite)
    {
        var order = new ParcelOrder("o", failAt);
        var (status, keys) = ParcelExpectations.For(order);
        var crashAt = 1;
        for (; ; crashAt++)
        {
            var store = new InMemoryEventStore();
            var effects = new MemoryEffects();
            var crashing = new CrashingStore(store, crashAt, afterWrite);
            try
            {
                await new ParcelSaga(effects, new SagaLog(crashing)).ExecuteAsync("run", order);
                break; // fewer appends than crashAt: every crash point has been tried
            }
            catch (SagaExecutionException) when (crashing.Appends < crashAt)
            {
                break;
            }
            catch (SagaLogException)
            {
                // the "process" died here; resume on the same store
            }

            var callsBeforeCrash = effects.Calls.Count;
            if (crashAt == 1 && !afterWrite)
            {
                // The start was never recorded: there is no run, and nothing ran.
                await Assert.ThrowsAsync<InvalidOperationException>(() => new ParcelSaga(effects, new SagaLog(store)).ResumeAsync("run"));
                Assert.Empty(effects.Calls);
                continue;
            }

            Assert.Equal(status, await new ParcelSaga(effects, new SagaLog(store)).ResumeAsync("run"));
            Assert.Equal(keys.Order(), effects.Calls.Distinct().Order());

            // A call recorded as done never runs again. With the write lost, the one call in flight at the
            // crash (the last before it) runs once more; with the write landed, nothing does.
            var repeated = effects.Calls.GroupBy(static c => c).Where(static g => g.Count() > 1).Select(static g => g.Key).ToList();
            if (afterWrite || callsBeforeCrash == 0)
            {
                Assert.Empty(repeated);
            }
            else
            {
                Assert.True(repeated.Count == 0 || repeated.SequenceEqual([effects.Calls[callsBeforeCrash - 1]]),
                    $"crash at append {crashAt}: repeated {string.Join(", ", repeated)}");
            }
        }

        Assert.True(crashAt > 5, $"only {crashAt - 1} crash points were tried");
    }

    [Fact]
    public async Task A_failure_after_the_pivot_stalls_the_run_and_resume_retries_it_forward_without_compensating()
    {
        var log = new SagaLog(_store);
        var effects = new ThrowingEffects("step o:5");
        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => new ParcelSaga(effects, log).ExecuteAsync("r1", new ParcelOrder("o", 0)));
        Assert.True(error.PastPivot);
        Assert.Equal(SagaStatus.Stalled, (await log.ReadAsync(nameof(ParcelSaga), "r1")).Status);
        Assert.Equal(SagaStatus.Stalled, await new ParcelSaga(effects, log).ResumeAsync("r1")); // still failing

        effects.Failing = null; // the notification service is back
        Assert.Equal(SagaStatus.Completed, await new ParcelSaga(effects, log).ResumeAsync("r1"));

        Assert.Equal(["step o:1", "step o:2", "step o:3", "step o:4", "step o:5"], effects.Calls);
        var records = await RecordsAsync("r1");
        Assert.Equal(2, records.OfType<SagaStepFailed>().Count(static f => f.PastPivot));
        Assert.Empty(records.OfType<SagaStepCompensated>());
    }

    [Fact]
    public async Task A_compensation_that_keeps_failing_is_dead_lettered_in_the_log_and_listed()
    {
        var log = new SagaLog(_store);
        var effects = new ThrowingEffects("undo o:1");
        await Assert.ThrowsAsync<SagaExecutionException>(() => new ParcelSaga(effects, log).ExecuteAsync("r1", new ParcelOrder("o", 3)));
        await new ParcelSaga(_effects, log).ExecuteAsync("r2", new ParcelOrder("p", 0));

        var records = await RecordsAsync("r1");
        var dead = Assert.Single(records.OfType<SagaCompensationFailed>());
        Assert.Equal((0, "Reserve", "Release"), (dead.Index, dead.Step, dead.Compensation));
        Assert.Equal(new SagaFinished(SagaStatus.CompensationFailed), records[^1]);

        var runs = await log.ListAsync(nameof(ParcelSaga));
        Assert.Equal(
            [new SagaSummary(nameof(ParcelSaga), "r1", SagaStatus.CompensationFailed, 1), new SagaSummary(nameof(ParcelSaga), "r2", SagaStatus.Completed, 0)],
            runs.OrderBy(static r => r.SagaId));
        Assert.Equal(SagaStatus.CompensationFailed, await new ParcelSaga(_effects, log).ResumeAsync("r1"));
    }

    [Fact]
    public async Task Resume_unfinished_finds_the_interrupted_runs_and_finishes_them()
    {
        var crashing = new CrashingStore(_store, crashAt: 3, afterWrite: false);
        await Assert.ThrowsAsync<SagaLogException>(() => new ParcelSaga(_effects, new SagaLog(crashing)).ExecuteAsync("r1", new ParcelOrder("o", 0)));
        var log = new SagaLog(_store);
        await new ParcelSaga(_effects, log).ExecuteAsync("r2", new ParcelOrder("p", 0));

        var resumed = await new ParcelSaga(_effects, log).ResumeUnfinishedAsync();

        Assert.Equal([new SagaSummary(nameof(ParcelSaga), "r1", SagaStatus.Completed, 0)], resumed);
        Assert.All(await log.ListAsync(), static r => Assert.Equal(SagaStatus.Completed, r.Status));
    }

    [Fact]
    public async Task Starting_a_run_id_twice_is_refused_and_a_saga_without_a_log_cannot_resume()
    {
        var log = new SagaLog(_store);
        await new ParcelSaga(_effects, log).ExecuteAsync("r1", new ParcelOrder("o", 0));

        var twice = await Assert.ThrowsAsync<InvalidOperationException>(() => new ParcelSaga(_effects, log).ExecuteAsync("r1", new ParcelOrder("o", 0)));
        Assert.Contains("ResumeAsync", twice.Message, StringComparison.Ordinal);
        var noLog = await Assert.ThrowsAsync<InvalidOperationException>(() => new ParcelSaga(_effects, null).ResumeAsync("r1"));
        Assert.Contains("no SagaLog", noLog.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new ParcelSaga(_effects, log).ResumeAsync("missing"));
    }

    [Fact]
    public async Task Without_a_log_the_saga_runs_and_records_nothing()
    {
        await new ParcelSaga(_effects, null).ExecuteAsync(new ParcelOrder("o", 0));

        Assert.Equal(5, _effects.Calls.Count);
        Assert.Empty(await ReadAllAsync(_store));
    }

    [Fact]
    public async Task Two_drivers_of_one_run_cannot_both_write_the_second_stops_with_a_log_error()
    {
        await Assert.ThrowsAsync<SagaLogException>(() => new ParcelSaga(_effects, new SagaLog(new CrashingStore(_store, crashAt: 2, afterWrite: false)))
            .ExecuteAsync("r1", new ParcelOrder("o", 0)));
        var racing = new RacingStore(_store); // another process records step 1 between our read and our first write

        var error = await Assert.ThrowsAsync<SagaLogException>(() => new ParcelSaga(_effects, new SagaLog(racing)).ResumeAsync("r1"));

        Assert.Contains("someone else", error.Message, StringComparison.Ordinal);
        Assert.IsType<ConcurrencyException>(error.InnerException);
        Assert.DoesNotContain(_effects.Calls, static c => c.StartsWith("undo", StringComparison.Ordinal)); // stopped, not compensated
    }

    private async Task<List<object>> RecordsAsync(string sagaId) =>
        (await ReadAllAsync(_store)).Where(e => e.StreamId == SagaLog.StreamId(nameof(ParcelSaga), sagaId)).Select(static e => e.Data).ToList();

    private static async Task<List<RecordedEvent>> ReadAllAsync(IEventStore store)
    {
        var all = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync())
        {
            all.Add(e);
        }

        return all;
    }

    /// <summary>Records calls; the one named by <see cref="Failing"/> throws instead.</summary>
    private sealed class ThrowingEffects(string? failing) : ISagaEffects
    {
        public string? Failing { get; set; } = failing;

        public List<string> Calls { get; } = [];

        public void Record(string kind, string key)
        {
            var call = $"{kind} {key}";
            if (call == Failing)
            {
                throw new TimeoutException(call + " timed out");
            }

            Calls.Add(call);
        }
    }

    /// <summary>Before its first append goes through, a rival appends to the same stream.</summary>
    private sealed class RacingStore(IEventStore inner) : IEventStore
    {
        private bool _raced;

        public async ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
        {
            if (!_raced)
            {
                _raced = true;
                await inner.AppendAsync(streamId, expectedVersion, [new SagaStepCompleted(0, "Reserve", null)], ct);
            }

            return await inner.AppendAsync(streamId, expectedVersion, events, ct);
        }

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken ct = default) => inner.ReadStreamAsync(streamId, fromVersion, ct);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 0, CancellationToken ct = default) => inner.ReadAllAsync(fromPosition, ct);
    }
}
