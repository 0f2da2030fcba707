using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;
using PatternsGen.Projections;
using PatternsGen.Resilience;

namespace PatternsGen.Hosting.Health;

/// <summary>
/// What PatternsGen knows of a service's health, one check per concern, each registered under its own name
/// (<c>patternsgen-store</c>, <c>patternsgen-background</c>, <c>patternsgen-projections</c>, <c>patternsgen-dead-letters</c>,
/// <c>patternsgen-circuits</c>).
/// </summary>
internal static class PatternsGenHealthCheck
{
    /// <summary>The store answers a read: Unhealthy, with its error, when it does not within the timeout.</summary>
    public static async Task<HealthCheckResult> StoreAsync(IServiceProvider services, PatternsGenHealthOptions options, CancellationToken ct)
    {
        if (services.GetService<IEventStore>() is not { } store)
        {
            return HealthCheckResult.Healthy("No event store is registered.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.StoreTimeout);
        try
        {
            // A read past any position: one round trip, no rows.
            await foreach (var _ in store.ReadAllAsync(long.MaxValue - 1, timeout.Token).ConfigureAwait(false))
            {
                break;
            }

            return HealthCheckResult.Healthy("The event store answers.");
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The event store did not answer within {options.StoreTimeout.TotalSeconds:0.#} s: {error.Message}", error);
        }
    }

    /// <summary>Background work that failed and waits to restart: Unhealthy, naming it and its error.</summary>
    public static Task<HealthCheckResult> BackgroundAsync(IServiceProvider services)
    {
        var work = services.GetServices<BackgroundWorkStatus>().ToArray();
        var failing = work.Where(static w => w.State is BackgroundWorkState.Restarting or BackgroundWorkState.Failed).ToArray();
        var standby = work.Where(static w => w.State == BackgroundWorkState.Standby).Select(static w => w.Name).ToArray();
        return Task.FromResult(failing.Length == 0
            ? HealthCheckResult.Healthy(standby.Length == 0
                ? "All background work runs."
                : "All background work runs; on standby here while another instance runs it: " + string.Join(", ", standby) + ".")
            : HealthCheckResult.Unhealthy(
                "Failing, restarting with backoff: " + string.Join("; ", failing.Select(static w => $"{w.Name} ({w.Failures} failures, last: {w.LastError?.Message})")),
                failing[0].LastError));
    }

    /// <summary>
    /// Projections at least <see cref="PatternsGenHealthOptions.ProjectionLagThreshold"/> events behind the store: Degraded,
    /// naming them. A projection's lag is the events after its checkpoint, counted up to the threshold.
    /// </summary>
    public static async Task<HealthCheckResult> ProjectionsAsync(IServiceProvider services, PatternsGenHealthOptions options, CancellationToken ct)
    {
        if (services.GetService<IEventStore>() is not { } store || services.GetService<ICheckpointStore>() is not { } checkpoints)
        {
            return HealthCheckResult.Healthy("No event store keeps checkpoints here.");
        }

        var behind = new List<string>();
        foreach (var projection in services.GetServices<IProjection>())
        {
            var lag = 0;
            await foreach (var _ in store.ReadAllAsync(await checkpoints.GetAsync(projection.ProjectionName, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            {
                if (++lag >= options.ProjectionLagThreshold)
                {
                    behind.Add(projection.ProjectionName);
                    break;
                }
            }
        }

        return behind.Count == 0
            ? HealthCheckResult.Healthy("Every projection is within its lag threshold.")
            : HealthCheckResult.Degraded($"At least {options.ProjectionLagThreshold} events behind: {string.Join(", ", behind)}.");
    }

    /// <summary>Dead letters at or above the threshold: Degraded, with their number.</summary>
    public static async Task<HealthCheckResult> DeadLettersAsync(IServiceProvider services, PatternsGenHealthOptions options, CancellationToken ct)
    {
        var queue = services.GetService<IDeadLetterQueue>();
        var brokers = services.GetServices<IBrokerHealth>().ToArray();
        if (queue is null && brokers.Length == 0)
        {
            return HealthCheckResult.Healthy("No dead-letter queue is registered.");
        }

        var count = queue is null ? 0 : (await queue.ListAsync(ct).ConfigureAwait(false)).Count;
        foreach (var broker in brokers)
        {
            count += (int)Math.Min(int.MaxValue, await broker.CountDeadLettersAsync(ct).ConfigureAwait(false));
        }

        return count < options.DeadLetterThreshold
            ? HealthCheckResult.Healthy($"{count} dead letters.")
            : HealthCheckResult.Degraded($"{count} dead letters wait to be replayed or removed (threshold {options.DeadLetterThreshold}).");
    }

    /// <summary>Every broker the bus uses is connected; Unhealthy, naming the ones that are not, while they reconnect.</summary>
    public static Task<HealthCheckResult> BrokerAsync(IServiceProvider services)
    {
        var brokers = services.GetServices<IBrokerHealth>().ToArray();
        if (brokers.Length == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No broker: the bus is in memory."));
        }

        var down = brokers.Where(static b => !b.IsConnected).Select(static b => b.Broker).ToArray();
        return Task.FromResult(down.Length == 0
            ? HealthCheckResult.Healthy("Connected to " + string.Join(", ", brokers.Select(static b => b.Broker)) + ".")
            : HealthCheckResult.Unhealthy("Not connected to " + string.Join(", ", down) + "; reconnecting."));
    }

    /// <summary>Open circuits: Degraded, naming them; calls to those dependencies fail fast meanwhile.</summary>
    public static Task<HealthCheckResult> CircuitsAsync(IServiceProvider services)
    {
        var open = services.GetService<CircuitBreakerRegistry>()?.All.Where(static b => b.State != CircuitState.Closed).Select(static b => $"{b.Name} ({b.State})").ToArray() ?? [];
        return Task.FromResult(open.Length == 0
            ? HealthCheckResult.Healthy("Every circuit is closed.")
            : HealthCheckResult.Degraded("Not closed: " + string.Join(", ", open)));
    }
}
