using System.Collections.Concurrent;
using System.Numerics;
using PatternsGen.Coordination;
using PatternsGen.EventSourcing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>
/// The names and declarations of a service's exchanges and queues. Every declaration is idempotent: each instance
/// declares all of it at start, and the broker keeps one copy.
/// </summary>
/// <remarks>
/// <code>
/// publisher ──► exchange (direct) ──"order.placed"──────► svc.Handler          (quorum, instances compete)
///                                 ──"order.placed#17"───► svc.Handler.p1       (quorum, single active consumer)
/// handler fails ──► svc.delay.2048ms (TTL per message) ──expired──► back to the queue it came from
/// last attempt fails, or delivered DeliveryLimit times ──► svc.dead-letters (quorum)
/// </code>
/// </remarks>
internal sealed class Topology
{
    /// <summary>How many slots keys hash into; a service's partitions each take every slot congruent to their number.</summary>
    public const int KeySlots = 64;

    private readonly RabbitMqBusOptions _options;
    private readonly ConcurrentDictionary<long, string> _delayQueues = new();

    public Topology(RabbitMqBusOptions options)
    {
        _options = options;
        DeadLetterQueue = options.ServiceName + ".dead-letters";
    }

    public string Exchange => _options.Exchange;

    public string DeadLetterQueue { get; }

    /// <summary>Where a message with <paramref name="key"/> is published: its topic, and with a key, the key's slot too.</summary>
    public static string RoutingKey(string topic, string? key) => key is null ? topic : topic + "#" + Slot(key);

    /// <summary>A key's slot, the same in every process and version.</summary>
    public static int Slot(string key) => StableHash.Bucket(key, KeySlots);

    public string HandlerQueue(EventHandlerRegistration handler) => _options.ServiceName + "." + handler.Name;

    public string PartitionQueue(EventHandlerRegistration handler, int partition) => HandlerQueue(handler) + ".p" + partition;

    /// <summary>The event names <paramref name="handler"/> takes: its topic, or every registered type its event type accepts.</summary>
    public static IReadOnlyList<string> TopicsOf(EventHandlerRegistration handler)
    {
        if (handler.Topic is { } topic)
        {
            return [topic];
        }

        var names = EventTypes.All.Where(info => handler.EventType!.IsAssignableFrom(info.Type)).Select(static info => info.Name).Distinct().ToArray();
        if (names.Length == 0)
        {
            throw new InvalidOperationException(
                $"Handler '{handler.Name}' takes '{handler.EventType}', which no registered event type is or derives from, so no message can reach it across processes. " +
                "Mark the event [Event(\"name\")] in a project that uses PatternsGen, or call EventTypes.Register.");
        }

        return names;
    }

    /// <summary>Declares the exchange (all a publisher needs) and, for each handler, its queues and bindings and the dead-letter queue.</summary>
    /// <exception cref="EventBusException">The broker refused a declaration: a queue or exchange exists with other settings.</exception>
    public async Task DeclareAsync(IChannel channel, IReadOnlyList<EventHandlerRegistration> handlers, CancellationToken ct)
    {
        try
        {
            await DeclareAllAsync(channel, handlers, ct).ConfigureAwait(false);
        }
        catch (OperationInterruptedException refused) when (refused.ShutdownReason?.ReplyCode == 406)
        {
            throw new EventBusException(
                $"RabbitMQ refused to declare service '{_options.ServiceName}''s topology: {refused.ShutdownReason.ReplyText}. A queue or exchange of that name exists " +
                "with other settings (another DeliveryLimit, or made by another tool). Keep the settings it was made with, or drain and delete it (rabbitmqctl delete_queue <name>).", refused);
        }
    }

    private async Task DeclareAllAsync(IChannel channel, IReadOnlyList<EventHandlerRegistration> handlers, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
        if (handlers.Count == 0)
        {
            return;
        }

        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, Quorum(), cancellationToken: ct).ConfigureAwait(false);
        foreach (var handler in handlers)
        {
            var topics = TopicsOf(handler);
            var shared = HandlerQueue(handler);
            await channel.QueueDeclareAsync(shared, durable: true, exclusive: false, autoDelete: false, HandlerQueueArguments(singleActive: false), cancellationToken: ct).ConfigureAwait(false);
            foreach (var topic in topics)
            {
                await channel.QueueBindAsync(shared, Exchange, topic, cancellationToken: ct).ConfigureAwait(false);
            }

            for (var partition = 0; partition < _options.Partitions; partition++)
            {
                var queue = PartitionQueue(handler, partition);
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, HandlerQueueArguments(singleActive: true), cancellationToken: ct).ConfigureAwait(false);
                foreach (var topic in topics)
                {
                    for (var slot = partition; slot < KeySlots; slot += _options.Partitions)
                    {
                        await channel.QueueBindAsync(queue, Exchange, topic + "#" + slot, cancellationToken: ct).ConfigureAwait(false);
                    }
                }
            }

            if (_options.Partitions == 0)
            {
                // No order per key: keyed messages share the handler's queue with the rest.
                foreach (var topic in topics)
                {
                    for (var slot = 0; slot < KeySlots; slot++)
                    {
                        await channel.QueueBindAsync(shared, Exchange, topic + "#" + slot, cancellationToken: ct).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The delay queue a retry waiting <paramref name="delay"/> goes to, declared on first use: one per power of two of
    /// milliseconds, so that a message never waits behind one due much later than itself (at most twice its own delay).
    /// Each message expires on its own TTL and the broker dead-letters it back, by its routing key (the queue it came
    /// from), through the default exchange.
    /// </summary>
    public async ValueTask<string> DelayExchangeAsync(IConnection connection, TimeSpan delay, CancellationToken ct)
    {
        var bound = Math.Max(1L, (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, (long)Math.Ceiling(delay.TotalMilliseconds))));
        if (_delayQueues.TryGetValue(bound, out var name))
        {
            return name;
        }

        name = _options.ServiceName + ".delay." + bound + "ms";
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        var arguments = new Dictionary<string, object?> { ["x-dead-letter-exchange"] = "", ["x-queue-mode"] = "lazy" };
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: ct).ConfigureAwait(false);
        await channel.QueueBindAsync(name, name, "", cancellationToken: ct).ConfigureAwait(false);
        _delayQueues[bound] = name;
        return name;
    }

    /// <summary>The handler a queue of this service belongs to, or null (a queue of another service, or none).</summary>
    public EventHandlerRegistration? HandlerOf(string? queue, IReadOnlyList<EventHandlerRegistration> handlers)
    {
        if (queue is null)
        {
            return null;
        }

        foreach (var handler in handlers)
        {
            var shared = HandlerQueue(handler);
            if (queue == shared || (queue.StartsWith(shared + ".p", StringComparison.Ordinal) && int.TryParse(queue.AsSpan(shared.Length + 2), out _)))
            {
                return handler;
            }
        }

        return null;
    }

    private Dictionary<string, object?> HandlerQueueArguments(bool singleActive)
    {
        var arguments = Quorum();
        arguments["x-delivery-limit"] = _options.DeliveryLimit;
        arguments["x-dead-letter-exchange"] = "";
        arguments["x-dead-letter-routing-key"] = DeadLetterQueue;
        if (singleActive)
        {
            arguments["x-single-active-consumer"] = true;
        }

        return arguments;
    }

    private static Dictionary<string, object?> Quorum() => new() { ["x-queue-type"] = "quorum" };
}
