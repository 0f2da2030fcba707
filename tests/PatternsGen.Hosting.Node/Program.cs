// An instance of a service on PostgreSQL (--pg, --schema) whose store publisher delivers every stored event to a
// handler that writes the event's id to this process's own file in --effects, flushed before the handler returns. The
// publisher runs on one instance at a time (a lease of --lease-ms). Prints "ready" once the host runs; stops when its
// standard input closes.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatternsGen.EventStore.PostgreSql;
using PatternsGen.Messaging;

var arguments = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var effects = new StreamWriter(new FileStream(Path.Combine(arguments["effects"], $"effects-{Environment.ProcessId}.log"), FileMode.Append, FileAccess.Write, FileShare.Read));
var handler = new EventHandlerRegistration("Node.Record", null, "node-tests.tick", usesInbox: false, (_, context, _) =>
{
    lock (effects)
    {
        effects.WriteLine(context.MessageId);
        effects.Flush();
    }

    return default;
});

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new EventHandlerSet([handler]));
builder.Services.AddSingleton(static provider => new InMemoryEventBus(provider.GetServices<EventHandlerSet>().SelectMany(static set => set.Handlers)));
builder.Services.AddSingleton<IEventBus>(static provider => provider.GetRequiredService<InMemoryEventBus>());
var lease = TimeSpan.FromMilliseconds(int.Parse(arguments["lease-ms"]));
builder.Services.AddPatternsGenHosting()
    .UseEventStore(_ => new PostgresEventStore(arguments["pg"], null, arguments["schema"]))
    .AddEventStorePublisher(publisher => (publisher.PollInterval, publisher.BatchSize) = (TimeSpan.FromMilliseconds(20), 16))
    .ConfigureLeases(leases => (leases.Duration, leases.RenewEvery) = (lease, lease / 5));
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
await host.StopAsync();
