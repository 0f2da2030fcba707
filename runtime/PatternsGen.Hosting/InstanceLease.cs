using Microsoft.Extensions.Hosting;
using PatternsGen.Coordination;

namespace PatternsGen.Hosting;

/// <summary>
/// Holds <c>instance:&lt;owner&gt;</c> while the host runs: proof to the other instances that this one lives, so they leave
/// its saga runs alone. Taken when the host starts, before other hosted work; renewed every
/// <see cref="LeaseOptions.RenewEvery"/>; released when the host stops, so its runs can be taken over at once.
/// </summary>
internal sealed class InstanceLease(ILeaseStore? leases, LeaseOptions options, TimeProvider time) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _renewing = Task.CompletedTask;

    private string Name => ServiceInstance.LeaseOf(options.Owner);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (leases is null)
        {
            return; // one instance: nobody to prove anything to
        }

        // Another instance may hold it for a moment while it checks whether this name is gone: wait that out.
        while (await leases.TryAcquireLeaseAsync(Name, options.Owner, options.Duration, cancellationToken).ConfigureAwait(false) is null)
        {
            await Task.Delay(options.RenewEvery, time, cancellationToken).ConfigureAwait(false);
        }

        await GoneInstances.ForgetAsync(leases, ServiceInstance.LeaseOf(""), options, cancellationToken).ConfigureAwait(false);
        _renewing = RenewAsync(leases, _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (leases is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _renewing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await leases.ReleaseLeaseAsync(Name, options.Owner, cancellationToken).ConfigureAwait(false);
    }

    private async Task RenewAsync(ILeaseStore store, CancellationToken ct)
    {
        while (true)
        {
            await Task.Delay(options.RenewEvery, time, ct).ConfigureAwait(false);
            try
            {
                await store.TryAcquireLeaseAsync(Name, options.Owner, options.Duration, ct).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The next renewal tries again. Should the lease lapse meanwhile, another instance may take this one's
                // runs: their logs then refuse this instance's next writes, and those runs stop here.
            }
        }
    }
}
