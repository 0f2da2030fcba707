using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;
using PatternsGen.Tests;
using RabbitMQ.Client;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>
/// The broker these tests use: the AMQP URI in <c>PATTERNSGEN_RABBITMQ</c>. Without it the tests skip on a developer
/// machine, and fail in CI (<c>CI=true</c>), where they must run. Each test works in names of its own and removes them.
/// </summary>
internal static class Broker
{
    public const string Variable = "PATTERNSGEN_RABBITMQ";

    public static string ConnectionString() =>
        ExternalServer.Require(Variable, "RabbitMQ",
            "start a broker (apt-get install rabbitmq-server && service rabbitmq-server start) and set it to amqp://guest:guest@127.0.0.1:5672/.");

    /// <summary>Options in names no other test uses: a service and an exchange of their own.</summary>
    public static RabbitMqBusOptions Options(string service, string exchange, RetryShape? retry = null) => new()
    {
        ConnectionString = ConnectionString(),
        ServiceName = service,
        Exchange = exchange,
        Retry = (retry ?? RetryShape.Quick).Options(),
        Concurrency = 8,
    };

    public static string UniqueName(string what) => $"t{Guid.NewGuid():N}"[..12] + "." + what;

    /// <summary>Removes what a bus of <paramref name="options"/> with <paramref name="handlers"/> declared.</summary>
    public static async Task DeleteAsync(RabbitMqBusOptions options, IEnumerable<EventHandlerRegistration> handlers)
    {
        var topology = new Topology(options);
        var factory = new ConnectionFactory { Uri = new Uri(options.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var handler in handlers)
        {
            await channel.QueueDeleteAsync(topology.HandlerQueue(handler));
            for (var p = 0; p < options.Partitions; p++)
            {
                await channel.QueueDeleteAsync(topology.PartitionQueue(handler, p));
            }
        }

        await channel.QueueDeleteAsync(topology.DeadLetterQueue);
        for (var bound = 1L; bound <= 1 << 17; bound *= 2)
        {
            var delay = options.ServiceName + ".delay." + bound + "ms";
            await channel.QueueDeleteAsync(delay);
            await channel.ExchangeDeleteAsync(delay);
        }

        await channel.ExchangeDeleteAsync(options.Exchange);
    }
}
