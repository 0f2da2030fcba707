using System.Text.Json;
using Microsoft.Extensions.Logging;
using PatternsGen.Resilience;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>Settings of a <see cref="RabbitMqEventBus"/>. The delivery settings mean what they mean on <see cref="EventBusOptions"/>.</summary>
public sealed class RabbitMqBusOptions
{
    /// <summary>The broker, as an AMQP URI: <c>amqp://user:password@host:5672/vhost</c>. Default: a local broker as <c>guest</c>.</summary>
    public string ConnectionString { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>
    /// The service this bus serves. Instances with one name share their queues and compete for messages;
    /// every service gets its own copy of each event. Required: letters, digits, <c>.</c>, <c>-</c> and <c>_</c>.
    /// </summary>
    public string ServiceName { get; set; } = "";

    /// <summary>
    /// How a failing handler is retried before its message is dead-lettered. Default: 5 attempts, 1 s doubling to 60 s,
    /// with jitter. Between attempts the message waits in a delay queue on the broker, not in this process.
    /// </summary>
    public RetryOptions Retry { get; set; } = new() { Name = "rabbitmq-bus" };

    /// <summary>De-duplicates the messages of handlers that opt in. Default: in memory; give it the service's store (SQLite, PostgreSQL).</summary>
    public IInbox Inbox { get; set; } = new InMemoryInbox();

    /// <summary>How many messages each handler's queue has in flight in this instance (the broker's prefetch). Default: twice the processor count, at least 4.</summary>
    public int Concurrency { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Where dead letters, lost connections and retries are logged; none by default.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>How events are written to and read from message bodies. Default: the event stores' defaults; give both the same options.</summary>
    public JsonSerializerOptions? JsonOptions { get; set; }

    /// <summary>The exchange every service publishes to and binds its queues on. Default <c>patternsgen.events</c>.</summary>
    public string Exchange { get; set; } = "patternsgen.events";

    /// <summary>
    /// The queues per handler that keep each key's messages in order: a key always lands in the same one, and each has a
    /// single active consumer. Default 4; 0 gives up order per key for one queue shared by all instances.
    /// </summary>
    public int Partitions { get; set; } = 4;

    /// <summary>
    /// How often the broker hands out one message before it dead-letters it without a handler's verdict: a message that
    /// crashes every consumer that takes it. Default 50. Handler failures do not count: they go through <see cref="Retry"/>.
    /// </summary>
    public int DeliveryLimit { get; set; } = 50;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ConnectionString, nameof(ConnectionString));
        if (!Uri.TryCreate(ConnectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new ArgumentException($"RabbitMqBusOptions.ConnectionString '{Redacted(ConnectionString)}' is not an AMQP URI such as amqp://user:password@host:5672/vhost.", nameof(ConnectionString));
        }

        if (ServiceName.Length == 0 || ServiceName.Length > 100 || !ServiceName.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException(
                $"RabbitMqBusOptions.ServiceName '{ServiceName}' must be 1 to 100 letters, digits, '.', '-' or '_': it names the service's queues.", nameof(ServiceName));
        }

        ArgumentException.ThrowIfNullOrEmpty(Exchange, nameof(Exchange));
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        Retry.Validate();
        ArgumentNullException.ThrowIfNull(Inbox, nameof(Inbox));
        ArgumentOutOfRangeException.ThrowIfLessThan(Concurrency, 1, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Concurrency, ushort.MaxValue, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(Partitions, nameof(Partitions));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Partitions, Topology.KeySlots, nameof(Partitions));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeliveryLimit, 1, nameof(DeliveryLimit));
    }

    /// <summary>The connection string without its password, for messages.</summary>
    internal static string Redacted(string connectionString) =>
        Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':')
            ? connectionString.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':')] + ":***", StringComparison.Ordinal)
            : connectionString;
}
