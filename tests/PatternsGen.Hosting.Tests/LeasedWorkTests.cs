using Microsoft.Extensions.Logging.Abstractions;
using PatternsGen.Coordination;
using PatternsGen.Runtime.Tests.Resilience;

namespace PatternsGen.Hosting.Tests;

/// <summary>Work held by a lease stops the moment the lease cannot be shown to be this instance's.</summary>
public sealed class LeasedWorkTests
{
    private static readonly LeaseOptions Quick = new() { Duration = TimeSpan.FromMilliseconds(400), RenewEvery = TimeSpan.FromMilliseconds(20), Owner = "me" };

    [Fact]
    public async Task A_refused_renewal_cancels_the_work_and_puts_the_instance_on_standby()
    {
        var leases = new ScriptedLeases(1, 1, null); // taken, renewed once, then another instance has it
        var status = new BackgroundWorkStatus("publisher");
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var running = LeasedWork.RunAsync(leases, "publisher", Quick, status, NullLogger.Instance, TimeProvider.System, async ct =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                cancelled.TrySetResult();
            }
        }, stop.Token);

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.Until(() => status.State == BackgroundWorkState.Standby);
        Assert.Contains("me", leases.Released);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task When_the_database_does_not_answer_the_work_stops_before_the_lease_could_have_expired()
    {
        var clock = new WatchedClock();
        var granted = clock.GetUtcNow();
        var leases = new ScriptedLeases(1) { FailAfterScript = true }; // granted once, then the database is unreachable
        var status = new BackgroundWorkStatus("publisher");
        var cancelledAt = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        _ = LeasedWork.RunAsync(leases, "publisher", Quick, status, NullLogger.Instance, clock, async ct =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                cancelledAt.TrySetResult(clock.GetUtcNow() - granted);
            }
        }, stop.Token);

        // Time moves one renewal period at a time, each once the work is waiting for it.
        while (!cancelledAt.Task.IsCompleted)
        {
            var advanced = clock.AdvanceThroughAsync(Quick.RenewEvery);
            await Task.WhenAny(advanced, cancelledAt.Task);
        }

        var after = await cancelledAt.Task;
        Assert.True(after < Quick.Duration, $"cancelled after {after.TotalMilliseconds} ms of a {Quick.Duration.TotalMilliseconds} ms lease");
        Assert.True(after >= Quick.Duration - (Quick.RenewEvery * 3), $"cancelled already after {after.TotalMilliseconds} ms: it gave up a lease it still held");
        stop.Cancel();
    }

    /// <summary>Answers the acquisitions in order; then refuses (or, with <see cref="FailAfterScript"/>, fails as an unreachable database).</summary>
    private sealed class ScriptedLeases(params long?[] answers) : ILeaseStore
    {
        private int _next;

        public bool FailAfterScript { get; init; }

        public List<string> Released { get; } = [];

        public ValueTask<long?> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken ct = default)
        {
            var i = Interlocked.Increment(ref _next) - 1;
            if (i < answers.Length)
            {
                return new(answers[i]);
            }

            return FailAfterScript ? ValueTask.FromException<long?>(new TimeoutException("database unreachable")) : new((long?)null);
        }

        public ValueTask<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<int> ForgetLeasesAsync(string prefix, TimeSpan expiredFor, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask ReleaseLeaseAsync(string name, string owner, CancellationToken ct = default)
        {
            lock (Released)
            {
                Released.Add(owner);
            }

            return default;
        }
    }
}
