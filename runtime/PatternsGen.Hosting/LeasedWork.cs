using Microsoft.Extensions.Logging;
using PatternsGen.Coordination;

namespace PatternsGen.Hosting;

/// <summary>
/// Runs work only while this instance holds its lease, so that among the instances of a service exactly one runs it.
/// An instance without the lease waits on standby and asks again every <see cref="LeaseOptions.RenewEvery"/>. The holder
/// renews at that pace; when a renewal is refused, or the database cannot confirm the lease before it would have expired,
/// the work is cancelled at once. A holder that dies stops renewing, and another instance takes over once the lease has
/// expired: within <see cref="LeaseOptions.Duration"/> plus <see cref="LeaseOptions.RenewEvery"/>.
/// </summary>
internal static partial class LeasedWork
{
    public static async Task RunAsync(
        ILeaseStore leases, string lease, LeaseOptions options, BackgroundWorkStatus status, ILogger logger, TimeProvider time,
        Func<CancellationToken, Task> work, CancellationToken ct)
    {
        status.Set(BackgroundWorkState.Standby); // not running here until the lease says so
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var asked = time.GetTimestamp();
            var token = await leases.TryAcquireLeaseAsync(lease, options.Owner, options.Duration, ct).ConfigureAwait(false);
            if (token is null)
            {
                status.Set(BackgroundWorkState.Standby);
                await Task.Delay(options.RenewEvery, time, ct).ConfigureAwait(false);
                continue;
            }

            status.Set(BackgroundWorkState.Running);
            LogAcquired(logger, "lease", status.Name, null, lease, token.Value);
            try
            {
                if (await HoldAsync(leases, lease, token.Value, asked, options, time, work, ct).ConfigureAwait(false))
                {
                    return; // the work ended by itself
                }
            }
            finally
            {
                await ReleaseAsync(leases, lease, options.Owner).ConfigureAwait(false);
            }

            LogLost(logger, "lease", status.Name, null, lease, token.Value);
            status.Set(BackgroundWorkState.Standby);
        }
    }

    /// <summary>Runs the work and renews the lease beside it. True when the work ended; false when the lease was lost and the work cancelled.</summary>
    private static async Task<bool> HoldAsync(
        ILeaseStore leases, string lease, long token, long asked, LeaseOptions options, TimeProvider time, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        using var heldSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = work(heldSource.Token);
        var validFrom = asked; // the database counted the lease from no earlier than when it was asked for
        while (true)
        {
            using (var pause = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var renewal = Task.Delay(options.RenewEvery, time, pause.Token);
                if (await Task.WhenAny(running, renewal).ConfigureAwait(false) == running)
                {
                    await pause.CancelAsync().ConfigureAwait(false);
                    await running.ConfigureAwait(false); // its outcome, failure included, is the caller's
                    return true;
                }

                try
                {
                    await renewal.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // The host stops: the work sees the same token; let it finish what it handles, then end as it ends.
                    await running.ConfigureAwait(false);
                    return true;
                }
            }

            var renewing = time.GetTimestamp();
            bool held;
            try
            {
                held = await leases.TryAcquireLeaseAsync(lease, options.Owner, options.Duration, ct).ConfigureAwait(false) == token;
                if (held)
                {
                    validFrom = renewing;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await running.ConfigureAwait(false); // the host stops mid-renewal: as above
                return true;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database did not answer: keep working only while the last lease it gave surely still runs,
                // with two renewal periods to spare for the next check and for the work to stop.
                held = time.GetElapsedTime(validFrom) + (options.RenewEvery * 2) < options.Duration;
            }

            if (!held)
            {
                await heldSource.CancelAsync().ConfigureAwait(false);
                try
                {
                    await running.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The work obeyed.
                }

                return false;
            }
        }
    }

    private static async Task ReleaseAsync(ILeaseStore leases, string lease, string owner)
    {
        try
        {
            await leases.ReleaseLeaseAsync(lease, owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // It expires by itself; the next holder only waits longer.
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Background work {Service} holds lease {Lease} (fencing token {Token}) and runs on this instance (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogAcquired(ILogger logger, string pattern, string service, string? correlationId, string lease, long token);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Background work {Service} lost lease {Lease} (fencing token {Token}); it is stopped here and waits on standby (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogLost(ILogger logger, string pattern, string service, string? correlationId, string lease, long token);
}
