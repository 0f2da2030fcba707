using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;
using RabbitMQ.Client;

namespace PatternsGen.Benchmarks.Transports;

/// <summary>What every contender does per message: publish it confirmed, persistent; take it; call the handler; acknowledge.</summary>
internal interface IContender : IAsyncDisposable
{
    string Name { get; }

    Task StartAsync();

    Task PublishAsync(BenchEvent message);
}

/// <summary>Where every contender's handler reports: the latency of each message, and how many arrived.</summary>
internal static class Sink
{
    private static long _handled;

    public static Action<BenchEvent>? Waiter { get; set; }

    public static long Handled => Volatile.Read(ref _handled);

    public static void Reset() => Volatile.Write(ref _handled, 0);

    public static void Take(BenchEvent message)
    {
        Interlocked.Increment(ref _handled);
        Waiter?.Invoke(message);
    }
}

/// <summary>RabbitMQ.Client 7 by hand: a confirm-tracking channel, a quorum queue, manual acks, the same JSON (source-generated).</summary>
internal sealed class RawClient(string uri, int concurrency) : IContender
{
    private readonly string _queue = "bench.raw." + Guid.NewGuid().ToString("N")[..8];
    private IConnection? _publishing;
    private IConnection? _consuming;
    private IChannel? _publish;

    public string Name => "RabbitMQ.Client 7.2.2 (raw)";

    public async Task StartAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        _publishing = await factory.CreateConnectionAsync();
        _consuming = await factory.CreateConnectionAsync();
        _publish = await _publishing.CreateChannelAsync(new CreateChannelOptions(true, true));
        await _publish.QueueDeclareAsync(_queue, true, false, false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        var consume = await _consuming.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)concurrency));
        await consume.BasicQosAsync(0, (ushort)concurrency, false);
        await consume.BasicConsumeAsync(_queue, false, new Consumer(consume));
    }

    public async Task PublishAsync(BenchEvent message)
    {
        var properties = new BasicProperties { MessageId = Guid.NewGuid().ToString(), Type = "bench.order-placed", DeliveryMode = DeliveryModes.Persistent };
        await _publish!.BasicPublishAsync("", _queue, true, properties, JsonSerializer.SerializeToUtf8Bytes(message, BenchJson.Default.BenchEvent));
    }

    public async ValueTask DisposeAsync()
    {
        await _publish!.QueueDeleteAsync(_queue);
        await _consuming!.DisposeAsync();
        await _publishing!.DisposeAsync();
    }

    private sealed class Consumer(IChannel channel) : AsyncDefaultBasicConsumer(channel)
    {
        public override async Task HandleBasicDeliverAsync(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey,
            IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
        {
            Sink.Take(JsonSerializer.Deserialize(body.Span, BenchJson.Default.BenchEvent)!);
            await Channel.BasicAckAsync(deliveryTag, false);
        }
    }
}

/// <summary>PatternsGen's bus, as a service uses it: one handler, its events' JSON from the same source-generated context.</summary>
internal sealed class PatternsGenBus(string uri, int concurrency) : IContender
{
    private RabbitMqEventBus? _bus;

    public string Name => "PatternsGen RabbitMqEventBus";

    public async Task StartAsync()
    {
        var handler = new EventHandlerRegistration("Bench.Take", typeof(BenchEvent), null, false, static (e, _, _) =>
        {
            Sink.Take((BenchEvent)e);
            return default;
        });
        _bus = new RabbitMqEventBus([handler], new RabbitMqBusOptions
        {
            ConnectionString = uri,
            ServiceName = "bench.patternsgen." + Guid.NewGuid().ToString("N")[..8],
            Exchange = "bench.events." + Guid.NewGuid().ToString("N")[..8],
            Concurrency = concurrency,
            JsonOptions = BenchJson.Default.Options,
        });
        await _bus.StartAsync();
    }

    public Task PublishAsync(BenchEvent message) => _bus!.PublishAsync(message).AsTask();

    public async ValueTask DisposeAsync()
    {
        var options = _bus!.Options;
        var handlers = _bus.Handlers;
        await _bus.DisposeAsync();
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var handler in handlers)
        {
            await channel.QueueDeleteAsync(options.ServiceName + "." + handler.Name);
            for (var p = 0; p < options.Partitions; p++)
            {
                await channel.QueueDeleteAsync(options.ServiceName + "." + handler.Name + ".p" + p);
            }
        }

        await channel.QueueDeleteAsync(options.ServiceName + ".dead-letters");
        await channel.ExchangeDeleteAsync(options.Exchange);
    }
}

/// <summary>MassTransit 8.5.12 on RabbitMQ (the last version under the Apache licence), publisher confirms on (its default), a quorum queue.</summary>
internal sealed class MassTransitBus(string uri, int concurrency) : IContender
{
    private readonly string _queue = "bench.masstransit." + Guid.NewGuid().ToString("N")[..8];
    private ServiceProvider? _services;
    private IBusControl? _bus;

    public string Name => "MassTransit.RabbitMQ 8.5.12";

    public async Task StartAsync()
    {
        var broker = new Uri(uri);
        var services = new ServiceCollection();
        services.AddMassTransit(x =>
        {
            x.AddConsumer<Consumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, (ushort)broker.Port, "/", h =>
                {
                    h.Username("guest");
                    h.Password("guest");
                    h.PublisherConfirmation = true;
                });
                cfg.ReceiveEndpoint(_queue, e =>
                {
                    e.SetQuorumQueue();
                    e.PrefetchCount = concurrency;
                    e.ConcurrentMessageLimit = concurrency;
                    e.ConfigureConsumer<Consumer>(context);
                });
            });
        });
        _services = services.BuildServiceProvider();
        _bus = _services.GetRequiredService<IBusControl>();
        await _bus.StartAsync();
    }

    public Task PublishAsync(BenchEvent message) => _bus!.Publish(message);

    public async ValueTask DisposeAsync()
    {
        await _bus!.StopAsync();
        await _services!.DisposeAsync();
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(_queue);
        await channel.ExchangeDeleteAsync(_queue);
        await channel.ExchangeDeleteAsync("PatternsGen.Benchmarks.Transports:BenchEvent");
    }

    public sealed class Consumer : IConsumer<BenchEvent>
    {
        public Task Consume(ConsumeContext<BenchEvent> context)
        {
            Sink.Take(context.Message);
            return Task.CompletedTask;
        }
    }
}
