using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Shop.Run;

/// <summary>The shop needs a RabbitMQ broker; without one it says how to get one instead of starting five services that cannot work.</summary>
public static class Broker
{
    public static async Task<string?> ProblemAsync(string uri, CancellationToken ct)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(uri), RequestedConnectionTimeout = TimeSpan.FromSeconds(5) };
            await using var connection = await factory.CreateConnectionAsync("shop-launcher", ct);
            return null;
        }
        catch (Exception error) when (error is BrokerUnreachableException or UriFormatException or ArgumentException)
        {
            return $"""
                No RabbitMQ broker at {Redacted(uri)}: {error.GetBaseException().Message}
                The shop's services send their events through RabbitMQ (3.10 or later). Start one:
                  Debian/Ubuntu: sudo apt-get install rabbitmq-server && sudo service rabbitmq-server start
                  Docker:        docker run -d -p 5672:5672 rabbitmq:4
                or name yours with --rabbitmq amqp://user:password@host:5672/ (or $PATTERNSGEN_RABBITMQ).
                """;
        }
    }

    private static string Redacted(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.UserInfo.Contains(':') ? new UriBuilder(parsed) { Password = "***" }.ToString() : uri;
}
