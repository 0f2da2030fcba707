using PatternsGen.Coordination;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Sagas;

namespace PatternsGen.Runtime.Tests.Sagas.Log;

/// <summary>Two instances of a service on one store: a run has one writer, and a gone instance's runs are taken over.</summary>
public sealed class SagaOwnershipTests
{
    private readonly InMemoryEventStore _store = new();
    private readonly InMemoryLeaseStore _leases = new();

    [Fact]
    public async Task A_run_whose_owner_is_gone_is_claimed_and_finished_and_the_old_owner_is_fenced_off()
    {
        var stuck = new GatedEffects("step o:2");
        var a = new ParcelSaga(stuck, new SagaLog(_store) { Owner = "a" });
        var runOnA = Task.Run(() => a.ExecuteAsync("r1", new ParcelOrder("o", 0)));
        await stuck.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30)); // "a" is paused in step 2, holding no instance lease

        var effects = new MemoryEffects();
        var resumed = await SagaRunner.ResumeOrphansAsync(new ParcelSaga(effects, new SagaLog(_store) { Owner = "b" }), _leases, TimeSpan.FromSeconds(5));

        Assert.Equal(SagaStatus.Completed, Assert.Single(resumed).Status);
        Assert.Equal(["step o:2", "step o:3", "step o:4", "step o:5"], effects.Calls); // step 2 again: it was not recorded
        var history = await new SagaLog(_store).ReadAsync(nameof(ParcelSaga), "r1");
        Assert.Equal(("b", SagaStatus.Completed), (history.Owner, history.Status));

        stuck.Release(); // "a" wakes up and tries to record step 2: refused, it stops there
        var fenced = await Assert.ThrowsAsync<SagaLogException>(() => runOnA);
        Assert.Contains("written by someone else", fenced.Message);
        Assert.Equal(["step o:1", "step o:2"], stuck.Calls);
        Assert.Equal(SagaStatus.Completed, (await new SagaLog(_store).ReadAsync(nameof(ParcelSaga), "r1")).Status);
    }

    [Fact]
    public async Task A_run_whose_owner_holds_its_instance_lease_is_left_to_it()
    {
        Assert.NotNull(await _leases.TryAcquireLeaseAsync(ServiceInstance.LeaseOf("a"), "a", TimeSpan.FromMinutes(1))); // "a" lives
        var paused = new GatedEffects("step o:2");
        var a = new ParcelSaga(paused, new SagaLog(_store) { Owner = "a" });
        var runOnA = Task.Run(() => a.ExecuteAsync("r1", new ParcelOrder("o", 0)));
        await paused.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var effects = new MemoryEffects();
        Assert.Empty(await SagaRunner.ResumeOrphansAsync(new ParcelSaga(effects, new SagaLog(_store) { Owner = "b" }), _leases, TimeSpan.FromSeconds(5)));
        Assert.Empty(effects.Calls);

        paused.Release();
        await runOnA;
        Assert.Equal("a", (await new SagaLog(_store).ReadAsync(nameof(ParcelSaga), "r1")).Owner);
    }

    [Fact]
    public async Task A_run_of_this_instance_that_no_longer_executes_here_is_resumed_without_a_claim()
    {
        var crashing = new CrashingStore(_store, crashAt: 3, afterWrite: false); // the log fails at step 2's record
        await Assert.ThrowsAsync<SagaLogException>(() => new ParcelSaga(new MemoryEffects(), new SagaLog(crashing) { Owner = "a" }).ExecuteAsync("r1", new ParcelOrder("o", 0)));

        var effects = new MemoryEffects();
        var resumed = await SagaRunner.ResumeOrphansAsync(new ParcelSaga(effects, new SagaLog(_store) { Owner = "a" }), _leases, TimeSpan.FromSeconds(5));

        Assert.Equal(SagaStatus.Completed, Assert.Single(resumed).Status);
        var records = new List<object>();
        await foreach (var e in _store.ReadStreamAsync(SagaLog.StreamId(nameof(ParcelSaga), "r1")))
        {
            records.Add(e.Data);
        }

        Assert.DoesNotContain(records, r => r is SagaClaimed);
    }

    /// <summary>Records calls; the call named holds its thread until released, as a paused process would.</summary>
    private sealed class GatedEffects(string gateAt) : ISagaEffects
    {
        private readonly ManualResetEventSlim _gate = new();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Calls { get; } = [];

        public void Release() => _gate.Set();

        public void Record(string kind, string key)
        {
            var call = $"{kind} {key}";
            lock (Calls)
            {
                Calls.Add(call);
            }

            if (call == gateAt)
            {
                Entered.TrySetResult();
                _gate.Wait(TimeSpan.FromSeconds(60));
            }
        }
    }
}
