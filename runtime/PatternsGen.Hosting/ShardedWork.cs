using Microsoft.Extensions.Logging;
using PatternsGen.Coordination;

namespace PatternsGen.Hosting;

/// <summary>
/// Work split into shards shared out among the live instances of a service: shard <c>k</c> goes to the instance at
/// <c>k % n</c> of the <c>n</c> live ones ordered by name, and runs there under its own lease (<see cref="LeasedWork"/>),
/// so that each shard runs on exactly one instance at a time. Each instance shows that it lives with a member lease
/// (<c>{lease}:member:{owner}</c>) and reads the others' every <see cref="LeaseOptions.RenewEvery"/>. When one joins,
/// the holders hand over what is now its share at their next renewal; when one dies, its member and shard leases expire
/// and its shards go to the others: within <see cref="LeaseOptions.Duration"/> plus two renewal periods.
/// </summary>
internal static class ShardedWork
{
    public static async Task RunAsync(
        ILeaseStore leases, string lease, int shards, LeaseOptions options, BackgroundWorkStatus status, ILogger logger, TimeProvider time,
        Func<int, CancellationToken, Task> runShard, CancellationToken ct)
    {
        status.Set(BackgroundWorkState.Standby);
        var members = new Members(leases, lease + ":member:", options, shards, status);
        await members.JoinAsync(time, ct).ConfigureAwait(false);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = new List<Task> { members.KeepUpAsync(time, stopping.Token) };
        for (var shard = 0; shard < shards; shard++)
        {
            var k = shard;
            var name = $"{lease}:shard-{k}/{shards}";
            running.Add(LeasedWork.RunAsync(
                leases, name, options, new BackgroundWorkStatus($"{status.Name}:shard-{k}/{shards}"), logger, time,
                held => runShard(k, held), stopping.Token, wanted: () => members.Assigned(k)));
        }

        try
        {
            // One part ending (a failure, or the host stopping) ends the others; its outcome is the whole's.
            var first = await Task.WhenAny(running).ConfigureAwait(false);
            await stopping.CancelAsync().ConfigureAwait(false);
            foreach (var part in running)
            {
                await part.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }

            await first.ConfigureAwait(false);
        }
        finally
        {
            await members.LeaveAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The live instances as this one last saw them, and which shards are its share.</summary>
    private sealed class Members(ILeaseStore leases, string prefix, LeaseOptions options, int shards, BackgroundWorkStatus status)
    {
        private volatile View _view = new(0, -1);

        /// <summary>Whether shard <paramref name="shard"/> is this instance's share now.</summary>
        public bool Assigned(int shard)
        {
            var view = _view;
            return view.Me >= 0 && shard % view.Count == view.Me;
        }

        /// <summary>Joins: holds the member lease and waits until it sees itself among the members.</summary>
        public async Task JoinAsync(TimeProvider time, CancellationToken ct)
        {
            await GoneInstances.ForgetAsync(leases, prefix, options, ct).ConfigureAwait(false);
            while (!await RefreshAsync(ct).ConfigureAwait(false))
            {
                await Task.Delay(options.RenewEvery, time, ct).ConfigureAwait(false);
            }
        }

        /// <summary>Renews the member lease and reads the members every renewal period; a database that does not answer leaves the last view.</summary>
        public async Task KeepUpAsync(TimeProvider time, CancellationToken ct)
        {
            while (true)
            {
                await Task.Delay(options.RenewEvery, time, ct).ConfigureAwait(false);
                try
                {
                    await RefreshAsync(ct).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The shards' own leases decide whether their work goes on meanwhile.
                }
            }
        }

        public async Task LeaveAsync()
        {
            try
            {
                await leases.ReleaseLeaseAsync(prefix + options.Owner, options.Owner, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // It expires by itself; the others only wait longer for this share.
            }
        }

        private async Task<bool> RefreshAsync(CancellationToken ct)
        {
            await leases.TryAcquireLeaseAsync(prefix + options.Owner, options.Owner, options.Duration, ct).ConfigureAwait(false);
            var owners = (await leases.ListLeasesAsync(prefix, ct).ConfigureAwait(false))
                .Select(static lease => lease.Owner).Distinct().Order(StringComparer.Ordinal).ToList();
            var view = new View(owners.Count, owners.IndexOf(options.Owner));
            if (view.Me < 0)
            {
                return false;
            }

            _view = view;
            status.Set(view.Me < shards ? BackgroundWorkState.Running : BackgroundWorkState.Standby); // more instances than shards: some wait
            return true;
        }

        private sealed record View(int Count, int Me);
    }
}
