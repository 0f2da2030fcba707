using PatternsGen.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PatternsGen's hosting to a container.</summary>
public static class PatternsGenHostingExtensions
{
    /// <summary>
    /// Starts configuring what this service runs with PatternsGen: its event store and background work. The handlers,
    /// the bus and agent tools come from the generated <c>AddPatternsGen()</c> and <c>AddPatternsGenAgentTools()</c>.
    /// </summary>
    /// <example><code>
    /// builder.Services.AddPatternsGen();
    /// builder.Services.AddPatternsGenHosting()
    ///     .UseEventStore(_ => new SqliteEventStore("Data Source=orders.db"))
    ///     .AddEventStorePublisher()
    ///     .AddProjection&lt;OrderSummaryView&gt;();
    /// </code></example>
    public static PatternsGenHostingBuilder AddPatternsGenHosting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new PatternsGenHostingBuilder(services);
    }
}
