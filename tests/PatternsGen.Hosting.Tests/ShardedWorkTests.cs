using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PatternsGen.Coordination;

namespace PatternsGen.Hosting.Tests;

/// <summary>
/// Shards shared out among instances on one lease store: each shard runs on exactly one instance at a time, the shares
/// follow instances that join, leave or die. Time is a fake clock that the test moves one renewal period at a time.
/// </summary>
public sealed class ShardedWorkTests : IDisposable
{
    private const int Shards = 4;
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryLeaseStore _leases;
    private readonly Dictionary<int, string> _running = []; // shard → the instance running it now
    private readonly List<string> _overlaps = [];
    private readonly List<Instance> _instances = [];

    public ShardedWorkTests() => _leases = new InMemoryLeaseStore(_clock);

    [Fact]
    public async Task Three_instances_share_four_shards_each_run_by_exactly_one_of_them()
    {
        Start("node-a");
        Start("node-b");
        Start("node-c");

        await StepUntil(() => Share() == "node-a:0,3 node-b:1 node-c:2");

        Assert.Empty(_overlaps);
        Assert.All(_instances, i => Assert.Equal(BackgroundWorkState.Running, i.Status.State));
    }

    [Fact]
    public async Task An_instance_that_joins_gets_its_share_and_one_that_stops_hands_its_shards_on()
    {
        var a = Start("node-a");
        await StepUntil(() => Share() == "node-a:0,1,2,3");

        Start("node-b");
        await StepUntil(() => Share() == "node-a:0,2 node-b:1,3");

        a.Stop.Cancel();
        await StepUntil(() => Share() == "node-b:0,1,2,3");
        await a.Running.ContinueWith(_ => { });
        Assert.Empty(_overlaps);
    }

    [Fact]
    public async Task The_shards_of_an_instance_that_dies_go_to_the_others_once_its_leases_expire()
    {
        var a = Start("node-a");
        Start("node-b");
        await StepUntil(() => Share() == "node-a:0,2 node-b:1,3");

        a.Leases.Dead = true; // it can no longer reach the database: nothing renewed, nothing released
        var steps = await StepUntil(() => Share() == "node-b:0,1,2,3");

        Assert.Empty(_overlaps); // its shards stopped there before they started here
        var took = RenewEvery * steps;
        Assert.True(took <= Options("x").Duration + (RenewEvery * 3), $"took {took.TotalSeconds} s of fake time");
    }

    [Fact]
    public async Task More_instances_than_shards_leave_the_extra_ones_on_standby()
    {
        for (var i = 0; i < Shards + 1; i++)
        {
            Start($"node-{i}");
        }

        await StepUntil(() => Share() == "node-0:0 node-1:1 node-2:2 node-3:3");

        Assert.Equal(BackgroundWorkState.Standby, _instances[^1].Status.State);
    }

    [Fact]
    public async Task An_instance_that_joins_deletes_the_member_leases_of_instances_gone_for_a_whole_lease()
    {
        await _leases.TryAcquireLeaseAsync("projection:view:member:node-gone", "node-gone", RenewEvery);
        await _leases.TryAcquireLeaseAsync("projection:view:member:node-late", "node-late", RenewEvery);
        _clock.Advance(Options("x").Duration + RenewEvery); // node-gone expired a whole lease ago
        await _leases.TryAcquireLeaseAsync("projection:view:member:node-late", "node-late", RenewEvery);
        _clock.Advance(RenewEvery * 2); // node-late only just expired

        Start("node-a");
        await StepUntil(() => Share() == "node-a:0,1,2,3");

        Assert.Equal(1, await _leases.ForgetLeasesAsync("projection:view:member:", TimeSpan.Zero)); // node-late's row was left
    }

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Stop.Cancel();
        }
    }

    private static LeaseOptions Options(string owner) => new() { Duration = RenewEvery * 5, RenewEvery = RenewEvery, Owner = owner };

    private Instance Start(string owner)
    {
        var instance = new Instance(owner, new ReachableLeases(_leases), new BackgroundWorkStatus("projection:view"));
        instance.Running = ShardedWork.RunAsync(
            instance.Leases, "projection:view", Shards, Options(owner), instance.Status, NullLogger.Instance, _clock,
            async (shard, ct) =>
            {
                lock (_running)
                {
                    if (_running.TryGetValue(shard, out var other))
                    {
                        _overlaps.Add($"shard {shard} on {owner} while on {other}");
                    }

                    _running[shard] = owner;
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    lock (_running)
                    {
                        _running.Remove(shard);
                    }
                }
            },
            instance.Stop.Token);
        _instances.Add(instance);
        return instance;
    }

    /// <summary>Which instance runs which shards now, as "owner:shards owner:shards".</summary>
    private string Share()
    {
        lock (_running)
        {
            return string.Join(' ', _running.GroupBy(r => r.Value).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key + ":" + string.Join(',', g.Select(r => r.Key).Order())));
        }
    }

    /// <summary>Moves time one renewal period at a time, letting the instances act between steps, until <paramref name="done"/>; returns the steps taken.</summary>
    private async Task<int> StepUntil(Func<bool> done)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        var steps = 0;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < limit, $"not reached; now {Share()}; overlaps: {string.Join("; ", _overlaps)}");
            await Settled();
            _clock.Advance(RenewEvery);
            steps++;
        }

        return steps;
    }

    /// <summary>Waits (in real time) until the instances have stopped asking the lease store: all of them wait on the clock.</summary>
    private static async Task Settled()
    {
        var seen = -1L;
        while (Interlocked.Read(ref ReachableLeases.Calls) != seen)
        {
            seen = Interlocked.Read(ref ReachableLeases.Calls);
            await Task.Delay(15);
        }
    }

    private sealed class Instance(string owner, ReachableLeases leases, BackgroundWorkStatus status)
    {
        public string Owner { get; } = owner;

        public ReachableLeases Leases { get; } = leases;

        public BackgroundWorkStatus Status { get; } = status;

        public CancellationTokenSource Stop { get; } = new();

        public Task Running { get; set; } = Task.CompletedTask;
    }

    /// <summary>One instance's way to the shared leases, which the test can cut as a network partition or a frozen process would.</summary>
    private sealed class ReachableLeases(ILeaseStore inner) : ILeaseStore
    {
        /// <summary>Calls from every instance: while it still grows, some instance is busy.</summary>
        public static long Calls;

        public volatile bool Dead;

        public ValueTask<long?> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken ct = default) =>
            Cut() is { } error ? ValueTask.FromException<long?>(error) : inner.TryAcquireLeaseAsync(name, owner, duration, ct);

        public ValueTask ReleaseLeaseAsync(string name, string owner, CancellationToken ct = default) =>
            Cut() is { } error ? ValueTask.FromException(error) : inner.ReleaseLeaseAsync(name, owner, ct);

        public ValueTask<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken ct = default) =>
            Cut() is { } error ? ValueTask.FromException<IReadOnlyList<Lease>>(error) : inner.ListLeasesAsync(prefix, ct);

        public ValueTask<int> ForgetLeasesAsync(string prefix, TimeSpan expiredFor, CancellationToken ct = default) =>
            Cut() is { } error ? ValueTask.FromException<int>(error) : inner.ForgetLeasesAsync(prefix, expiredFor, ct);

        private Exception? Cut()
        {
            Interlocked.Increment(ref Calls);
            return Dead ? new TimeoutException("unreachable") : null;
        }
    }
}
