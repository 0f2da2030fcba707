using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatternsGen.Hosting;
using PatternsGen.Hosting.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PatternsGen's health checks.</summary>
public static class PatternsGenHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds six checks, tagged <c>patternsgen</c>: <c>patternsgen-store</c> (the event store answers),
    /// <c>patternsgen-broker</c> (the bus is connected to its broker, when it has one),
    /// <c>patternsgen-background</c> (no background work is failing), <c>patternsgen-projections</c> (no projection is
    /// <see cref="PatternsGenHealthOptions.ProjectionLagThreshold"/> events behind), <c>patternsgen-dead-letters</c> (fewer dead letters,
    /// the store's and the broker's, than <see cref="PatternsGenHealthOptions.DeadLetterThreshold"/>) and <c>patternsgen-circuits</c> (every circuit
    /// breaker of a resilient client is closed).
    /// </summary>
    public static IHealthChecksBuilder AddPatternsGen(this IHealthChecksBuilder builder, Action<PatternsGenHealthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new PatternsGenHealthOptions();
        configure?.Invoke(options);
        string[] tags = ["patternsgen"];
        builder.Add(Check("patternsgen-store", HealthStatus.Unhealthy, tags, (sp, ct) => PatternsGenHealthCheck.StoreAsync(sp, options, ct)));
        builder.Add(Check("patternsgen-broker", HealthStatus.Unhealthy, tags, (sp, _) => PatternsGenHealthCheck.BrokerAsync(sp)));
        builder.Add(Check("patternsgen-background", HealthStatus.Unhealthy, tags, (sp, _) => PatternsGenHealthCheck.BackgroundAsync(sp)));
        builder.Add(Check("patternsgen-projections", HealthStatus.Degraded, tags, (sp, ct) => PatternsGenHealthCheck.ProjectionsAsync(sp, options, ct)));
        builder.Add(Check("patternsgen-dead-letters", HealthStatus.Degraded, tags, (sp, ct) => PatternsGenHealthCheck.DeadLettersAsync(sp, options, ct)));
        builder.Add(Check("patternsgen-circuits", HealthStatus.Degraded, tags, (sp, _) => PatternsGenHealthCheck.CircuitsAsync(sp)));
        return builder;
    }

    /// <summary>The same, with the thresholds read from <paramref name="section"/>: <c>DeadLetterThreshold</c>, <c>ProjectionLagThreshold</c>, <c>StoreTimeout</c>.</summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names its key.</exception>
    public static IHealthChecksBuilder AddPatternsGen(this IHealthChecksBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.AddPatternsGen(options =>
        {
            section.Read(nameof(options.DeadLetterThreshold), v => options.DeadLetterThreshold = v);
            section.Read(nameof(options.ProjectionLagThreshold), v => options.ProjectionLagThreshold = v);
            section.Read(nameof(options.StoreTimeout), v => options.StoreTimeout = v);
        });
    }

    private static HealthCheckRegistration Check(string name, HealthStatus failure, string[] tags, Func<IServiceProvider, CancellationToken, Task<HealthCheckResult>> check) =>
        new(name, sp => new DelegateCheck(sp, check), failure, tags);

    private sealed class DelegateCheck(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<HealthCheckResult>> check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            check(services, cancellationToken);
    }
}
