using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Sqlite;
using PatternsGen.Hosting;
using PatternsGen.Hosting.Tests;
using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>The bus on RabbitMQ inside a Generic Host: one registration, the store publisher through the broker, health.</summary>
public sealed class HostingTests
{
    [SkippableFact]
    public async Task A_hosted_service_publishes_its_stored_events_through_the_broker_and_reports_it_healthy()
    {
        var handled = new ConcurrentBag<string>();
        var handler = new EventHandlerRegistration("Hosted.Record", typeof(OrderPlaced), null, true, (e, _, _) =>
        {
            handled.Add(((OrderPlaced)e).OrderId);
            return default;
        });
        var database = Path.Combine(Path.GetTempPath(), $"patternsgen-hosted-{Guid.NewGuid():N}.db");
        var (service, exchange) = (Broker.UniqueName("hosted"), Broker.UniqueName("events"));

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new EventHandlerSet([handler]));
        builder.Services.AddPatternsGenHosting()
            .UseEventStore(_ => new SqliteEventStore($"Data Source={database}"))
            .AddEventStorePublisher(publisher => publisher.PollInterval = TimeSpan.FromMilliseconds(50))
            .UseRabbitMq(bus =>
            {
                bus.ConnectionString = Broker.ConnectionString();
                bus.ServiceName = service;
                bus.Exchange = exchange;
            });
        builder.Services.AddHealthChecks().AddPatternsGen();
        using var host = builder.Build();
        var bus = host.Services.GetRequiredService<RabbitMqEventBus>();
        try
        {
            await host.StartAsync();
            Assert.Same(bus, host.Services.GetRequiredService<IEventBus>());
            Assert.IsType<SqliteEventStore>(bus.Options.Inbox); // the store's inbox, unless told otherwise

            var store = host.Services.GetRequiredService<IEventStore>();
            await store.AppendAsync("order-1", ExpectedVersion.NoStream, [new OrderPlaced("1", 1)]);
            await store.AppendAsync("order-2", ExpectedVersion.NoStream, [new OrderPlaced("2", 1)]);
            await Eventually.Until(() => handled.Count == 2);

            var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            var broker = report.Entries["patternsgen-broker"];
            Assert.Equal(HealthStatus.Healthy, broker.Status);
            Assert.Contains("RabbitMQ amqp://guest:***@", broker.Description);
            Assert.Equal(HealthStatus.Healthy, report.Entries["patternsgen-dead-letters"].Status);

            await host.StopAsync();
            Assert.Equal(["1", "2"], handled.Order());
        }
        finally
        {
            await Broker.DeleteAsync(bus.Options, bus.Handlers);
            await bus.DisposeAsync();
            File.Delete(database);
        }
    }
}
