// An instance of a service on PostgreSQL or SQLite (--store, --connection, --schema). Its store publisher delivers every stored event to a handler
// that writes the event's id to this process's own file in --effects, flushed before the handler returns; the publisher
// runs on one instance at a time (a lease of --lease-ms). With --sagas true it also starts ParcelSaga runs one after
// another (their effects in --effects/sagas-<pid>.log) until it reads "quiet", and recovers the runs of dead instances.
// With --shards N (PostgreSQL) it also projects tick_view in N shards shared out among the instances, transactionally.
// Prints "ready" once the host runs; stops when its standard input closes.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;
using PatternsGen.EventStore.Sqlite;
using PatternsGen.EventStore.Testing;
using PatternsGen.Hosting;
using PatternsGen.Hosting.Node;
using PatternsGen.Messaging;
using PatternsGen.Sagas;

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
var quiet = new CancellationTokenSource();

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new EventHandlerSet([handler]));
builder.Services.AddSingleton(static provider => new InMemoryEventBus(provider.GetServices<EventHandlerSet>().SelectMany(static set => set.Handlers)));
builder.Services.AddSingleton<IEventBus>(static provider => provider.GetRequiredService<InMemoryEventBus>());
var lease = TimeSpan.FromMilliseconds(int.Parse(arguments["lease-ms"]));
var hosting = builder.Services.AddPatternsGenHosting();
if (arguments["store"] == "sqlite")
{
    hosting.UseEventStore(_ => new SqliteEventStore(arguments["connection"]));
}
else
{
    hosting.UseEventStore(_ => new PostgresEventStore(arguments["connection"], null, arguments["schema"]));
}

hosting.AddEventStorePublisher(publisher => (publisher.PollInterval, publisher.BatchSize) = (TimeSpan.FromMilliseconds(20), 16))
    .ConfigureLeases(leases => (leases.Duration, leases.RenewEvery) = (lease, lease / 5));
if (arguments.GetValueOrDefault("shards") is { } shards)
{
    builder.Services.AddSingleton(new TickView(arguments["schema"]));
    hosting.AddProjection<TickView>(RunOn.OneInstance, int.Parse(shards))
        .ConfigureProjections(projections => (projections.Transactional, projections.PollInterval) = (true, TimeSpan.FromMilliseconds(20)));
}

if (arguments.GetValueOrDefault("sagas") == "true")
{
    // One file per process: appends from several processes to one file can overwrite each other.
    var sagaEffects = new FileSagaEffects(Path.Combine(arguments["effects"], $"sagas-{Environment.ProcessId}.log"), paced: false);
    builder.Services.AddSingleton(sp => new ParcelSaga(sagaEffects, new SagaLog(sp.GetRequiredService<IEventStore>())));
    hosting.AddSagaRecovery<ParcelSaga, ParcelOrder>().AddBackgroundWork("start-sagas", async (sp, ct) =>
    {
        var saga = sp.GetRequiredService<ParcelSaga>();
        var prefix = Environment.ProcessId.ToString();
        for (var i = 0; !quiet.IsCancellationRequested; i++)
        {
            var order = ParcelExpectations.Order(prefix, i);
            try
            {
                await saga.ExecuteAsync(order.Id, order, ct);
            }
            catch (SagaExecutionException)
            {
                // Compensated, as the order asked.
            }

            await Task.Delay(10, ct);
        }
    });
}

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("ready");
while (await Console.In.ReadLineAsync() is { } line)
{
    if (line == "quiet")
    {
        quiet.Cancel();
    }
}

await host.StopAsync();
