using Microsoft.Extensions.Logging;
using PatternsGen.Coordination;

namespace PatternsGen.Hosting;

/// <summary>
/// Runs work only while this instance holds its lease, so that among the instances of a service exactly one runs it.
/// An instance without the lease waits on standby and asks again every <see cref="LeaseOptions.RenewEvery"/>. The holder
/// renews at that pace; when a renewal is refused, or the database cannot confirm the lease before it would have expired,
/// the work is cancelled at once. A holder that dies stops renewing, and another instance takes over once the lease has
/// expired: within <see cref="LeaseOptions.Duration"/> plus <see cref="LeaseOptions.RenewEvery"/>. Work shared out among
/// instances (a projection's shards) also says whether this instance should hold the lease now: when it should not, it
/// does not ask, and a holder hands the lease over at its next renewal.
/// </summary>
internal static partial class LeasedWork
{
    public static async Task RunAsync(
        ILeaseStore leases, string lease, LeaseOptions options, BackgroundWorkStatus status, ILogger logger, TimeProvider time,
        Func<CancellationToken, Task> work, CancellationToken ct, Func<bool>? wanted = null)
    {
        wanted ??= static () => true;
        status.Set(BackgroundWorkState.Standby); // not running here until the lease says so
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var asked = time.GetTimestamp();
            var token = wanted() ? await leases.TryAcquireLeaseAsync(lease, options.Owner, options.Duration, ct).ConfigureAwait(false) : null;
            if (token is null)
            {
                status.Set(BackgroundWorkState.Standby);
                await Task.Delay(options.RenewEvery, time, ct).ConfigureAwait(false);
                continue;
            }

            status.Set(BackgroundWorkState.Running);
            LogAcquired(logger, "lease", status.Name, null, lease, token.Value);
            Held outcome;
            try
            {
                outcome = await HoldAsync(leases, lease, token.Value, asked, options, time, work, wanted, ct).ConfigureAwait(false);
            }
            finally
            {
                await ReleaseAsync(leases, lease, options.Owner).ConfigureAwait(false);
            }

            if (outcome == Held.Ended)
            {
                return;
            }

            if (outcome == Held.HandedOver)
            {
                LogHandedOver(logger, "lease", status.Name, null, lease, token.Value);
            }
            else
            {
                LogLost(logger, "lease", status.Name, null, lease, token.Value);
            }

            status.Set(BackgroundWorkState.Standby);
        }
    }

    /// <summary>Runs the work and renews the lease beside it, until the work ends or the lease is lost or no longer wanted here (the work cancelled).</summary>
    private static async Task<Held> HoldAsync(
        ILeaseStore leases, string lease, long token, long asked, LeaseOptions options, TimeProvider time, Func<CancellationToken, Task> work,
        Func<bool> wanted, CancellationToken ct)
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
                    return Held.Ended;
                }

                try
                {
                    await renewal.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // The host stops: the work sees the same token; let it finish what it handles, then end as it ends.
                    await running.ConfigureAwait(false);
                    return Held.Ended;
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
                return Held.Ended;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database did not answer: keep working only while the last lease it gave surely still runs,
                // with two renewal periods to spare for the next check and for the work to stop.
                held = time.GetElapsedTime(validFrom) + (options.RenewEvery * 2) < options.Duration;
            }

            var handOver = held && !wanted();
            if (!held || handOver)
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

                return handOver ? Held.HandedOver : Held.Lost;
            }
        }
    }

    private enum Held
    {
        /// <summary>The work ended by itself, or with the host.</summary>
        Ended,

        /// <summary>Another instance has the lease now, or the database could not confirm it in time.</summary>
        Lost,

        /// <summary>Still held, but the work is shared out to another instance now: given up for it.</summary>
        HandedOver,
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

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Background work {Service} hands lease {Lease} (fencing token {Token}) over to the instance it is shared out to now; it waits on standby here (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogHandedOver(ILogger logger, string pattern, string service, string? correlationId, string lease, long token);
}
