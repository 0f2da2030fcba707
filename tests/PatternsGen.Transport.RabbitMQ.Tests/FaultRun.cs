using PatternsGen.EventStore.Sqlite;
using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;
using PatternsGen.Transport.RabbitMQ.Worker;
using RabbitMQ.Client;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>
/// One fault test's world: a service and exchange of its own on the broker, a SQLite inbox its workers share, a folder
/// their effect files go to, and a bus that only publishes. Disposing removes all of it.
/// </summary>
internal sealed class FaultRun : IAsyncDisposable
{
    private static readonly EventHandlerRegistration Probe = new("Faults.Probe", typeof(FaultProbe), null, true, (_, _, _) => default);

    private readonly string _folder = Directory.CreateTempSubdirectory("patternsgen-faults-").FullName;

    private FaultRun(RabbitMqBusOptions options, RabbitMqEventBus publisher)
    {
        Options = options;
        Publisher = publisher;
        Inbox = Path.Combine(_folder, "inbox.db");
        Effects = Directory.CreateDirectory(Path.Combine(_folder, "effects")).FullName;
    }

    public RabbitMqBusOptions Options { get; }

    public RabbitMqEventBus Publisher { get; }

    public string Inbox { get; }

    public string Effects { get; }

    public static async Task<FaultRun> StartAsync()
    {
        var options = Broker.Options(Broker.UniqueName("faults"), Broker.UniqueName("events"));
        var publisher = new RabbitMqEventBus([], options);
        await publisher.StartAsync();
        var run = new FaultRun(options, publisher);
        await ((IInbox)new SqliteEventStore($"Data Source={run.Inbox}")).HasHandledAsync("warm-up", Guid.Empty); // the schema, before several processes race to make it
        return run;
    }

    /// <summary>Publishes the probes, at most <paramref name="parallel"/> at once; half of them with a key (to partitions), half without.</summary>
    public async Task PublishAsync(IEnumerable<FaultProbe> probes, int parallel = 32) =>
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (probe, ct) =>
            await Publisher.PublishAsync(new EventMessage(probe, key: probe.Id % 2 == 0 ? "stream-" + probe.Id % 50 : null), ct));

    /// <summary>How often each probe id was handled, over every worker's effect file.</summary>
    public Dictionary<int, int> Handled()
    {
        var counts = new Dictionary<int, int>();
        foreach (var file in Directory.GetFiles(Effects))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                var space = line.IndexOf(' ');
                if (space > 0 && int.TryParse(line.AsSpan(0, space), out var id))
                {
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>How many messages wait in the service's dead-letter queue, as the broker counts them.</summary>
    public async Task<uint> DeadLetterCountAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(Options.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(Options.ServiceName + ".dead-letters")).MessageCount;
    }

    public async ValueTask DisposeAsync()
    {
        await Publisher.DisposeAsync();
        await Broker.DeleteAsync(Options, [Probe]);
        Directory.Delete(_folder, recursive: true);
    }
}
