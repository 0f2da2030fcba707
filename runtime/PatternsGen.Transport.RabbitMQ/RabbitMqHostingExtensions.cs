using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatternsGen.Hosting;
using PatternsGen.Hosting.Health;
using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts a service's bus on RabbitMQ.</summary>
public static class RabbitMqHostingExtensions
{
    /// <summary>
    /// Makes a <see cref="RabbitMqEventBus"/> with every handler the generated <c>AddPatternsGen()</c> registered the
    /// service's <see cref="IEventBus"/> (in place of the in-memory one), started before the host's other work and stopped
    /// after it. Unless <paramref name="configure"/> sets them, its inbox is the store's (<see cref="PatternsGenHostingBuilder.UseEventStore"/>),
    /// its clock and logger the container's. Adds it to the <c>patternsgen-broker</c> and <c>patternsgen-dead-letters</c> health checks.
    /// </summary>
    /// <example><code>hosting.UseRabbitMq(bus => { bus.ConnectionString = "amqp://guest:guest@127.0.0.1:5672/"; bus.ServiceName = "billing"; });</code></example>
    public static PatternsGenHostingBuilder UseRabbitMq(this PatternsGenHostingBuilder hosting, Action<RabbitMqBusOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        ArgumentNullException.ThrowIfNull(configure);
        var services = hosting.Services;
        services.TryAddSingleton(sp =>
        {
            var options = new RabbitMqBusOptions();
            var defaultInbox = options.Inbox;
            configure(options);
            if (ReferenceEquals(options.Inbox, defaultInbox))
            {
                options.Inbox = sp.GetService<IInbox>() ?? defaultInbox; // the store's, shared by every instance
            }

            options.Logger ??= sp.GetService<ILoggerFactory>()?.CreateLogger("PatternsGen.Messaging");
            options.Retry.Logger ??= options.Logger;
            if (ReferenceEquals(options.Retry.TimeProvider, TimeProvider.System) && sp.GetService<TimeProvider>() is { } clock)
            {
                options.Retry.TimeProvider = clock;
            }

            return new RabbitMqEventBus(sp.GetServices<EventHandlerSet>().SelectMany(static set => set.Handlers), options);
        });
        services.RemoveAll<IEventBus>();
        services.AddSingleton<IEventBus>(static sp => sp.GetRequiredService<RabbitMqEventBus>());
        services.AddSingleton<IBrokerHealth>(static sp => new RabbitMqBrokerHealth(sp.GetRequiredService<RabbitMqEventBus>()));

        // First among hosted services: they start in order, so the bus is up before a publisher or handler needs it,
        // and they stop in reverse, so it is the last to stop.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(static sp => new RabbitMqBusService(sp.GetRequiredService<RabbitMqEventBus>())));
        return hosting;
    }

    /// <summary>
    /// The same, with the settings read from <paramref name="section"/> (<c>ConnectionString</c>, <c>ServiceName</c>, <c>Exchange</c>,
    /// <c>Concurrency</c>, <c>Partitions</c>, <c>DeliveryLimit</c>, <c>Retry:MaxAttempts</c>, <c>Retry:InitialDelay</c>,
    /// <c>Retry:MaxDelay</c>, <c>Retry:Jitter</c>), e.g. <c>builder.Configuration.GetSection("PatternsGen:RabbitMQ")</c>;
    /// <paramref name="configure"/> runs after.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names its key.</exception>
    public static PatternsGenHostingBuilder UseRabbitMq(this PatternsGenHostingBuilder hosting, IConfiguration section, Action<RabbitMqBusOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return hosting.UseRabbitMq(options =>
        {
            section.Read(nameof(options.ConnectionString), v => options.ConnectionString = v);
            section.Read(nameof(options.ServiceName), v => options.ServiceName = v);
            section.Read(nameof(options.Exchange), v => options.Exchange = v);
            section.Read(nameof(options.Concurrency), v => options.Concurrency = v);
            section.Read(nameof(options.Partitions), v => options.Partitions = v);
            section.Read(nameof(options.DeliveryLimit), v => options.DeliveryLimit = v);
            section.GetSection(nameof(options.Retry)).ReadRetry(options.Retry);
            configure?.Invoke(options);
        });
    }

    private sealed class RabbitMqBusService(RabbitMqEventBus bus) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => bus.StartAsync(cancellationToken);

        /// <summary>Handlers in flight get the host's shutdown timeout to finish; what is left goes back to the broker.</summary>
        public Task StopAsync(CancellationToken cancellationToken) => bus.StopAsync(cancellationToken);
    }

    private sealed class RabbitMqBrokerHealth(RabbitMqEventBus bus) : IBrokerHealth
    {
        public string Broker { get; } = "RabbitMQ " + RabbitMqBusOptions.Redacted(bus.Options.ConnectionString);

        public bool IsConnected => bus.IsConnected;

        public Task<long> CountDeadLettersAsync(CancellationToken ct) => bus.CountDeadLettersAsync(ct);
    }
}
