using System.Collections.Concurrent;
using System.Text;
using PatternsGen.EventSourcing;
using PatternsGen.Hosting.Tests;
using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;
using RabbitMQ.Client;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>What only a bus across processes has to get right: services, instances, the broker's refusals, bad input.</summary>
public sealed class RabbitMqBusTests
{
    private static EventHandlerRegistration Handler(string name, Func<OrderPlaced, EventContext, CancellationToken, ValueTask> handle, bool inbox = false) =>
        new(name, typeof(OrderPlaced), null, inbox, (e, context, ct) => handle((OrderPlaced)e, context, ct));

    [SkippableFact]
    public async Task Instances_of_one_service_compete_and_every_service_gets_its_own_copy()
    {
        var exchange = Broker.UniqueName("events");
        var (billing, shipping) = (Broker.UniqueName("billing"), Broker.UniqueName("shipping"));
        var byInstance = new ConcurrentDictionary<int, ConcurrentBag<string>>();
        var shipped = new ConcurrentBag<string>();
        EventHandlerRegistration Billing(int instance) => Handler("Billing.Charge", async (e, _, _) =>
        {
            await Task.Delay(2); // long enough for the broker to hand the next message to the other instance
            byInstance.GetOrAdd(instance, _ => []).Add(e.OrderId);
        });
        var shippingHandler = Handler("Shipping.Ship", (e, _, _) => { shipped.Add(e.OrderId); return default; });

        await using var first = new RabbitMqEventBus([Billing(1)], Broker.Options(billing, exchange));
        await using var second = new RabbitMqEventBus([Billing(2)], Broker.Options(billing, exchange));
        await using var shippingBus = new RabbitMqEventBus([shippingHandler], Broker.Options(shipping, exchange));
        await using var publisher = new RabbitMqEventBus([], Broker.Options(Broker.UniqueName("web"), exchange));
        try
        {
            foreach (var bus in new[] { first, second, shippingBus, publisher })
            {
                await bus.StartAsync();
            }

            for (var i = 0; i < 200; i++)
            {
                await publisher.PublishAsync(new OrderPlaced("o" + i, i));
            }

            await Eventually.Until(() => byInstance.Values.Sum(b => b.Count) == 200 && shipped.Count == 200);
            var billed = byInstance.Values.SelectMany(b => b).ToList();
            Assert.Equal(200, billed.Distinct().Count());
            Assert.Equal(200, shipped.Distinct().Count());
            Assert.True(byInstance.TryGetValue(1, out var one) && one.Count > 0 && byInstance.TryGetValue(2, out var two) && two.Count > 0,
                $"both instances take messages: {byInstance.GetValueOrDefault(1)?.Count ?? 0} and {byInstance.GetValueOrDefault(2)?.Count ?? 0}");
        }
        finally
        {
            await Broker.DeleteAsync(first.Options, first.Handlers);
            await Broker.DeleteAsync(shippingBus.Options, shippingBus.Handlers);
        }
    }

    [SkippableFact]
    public async Task A_publish_no_queue_takes_throws_and_names_the_event()
    {
        var options = Broker.Options(Broker.UniqueName("lonely"), Broker.UniqueName("events"));
        await using var bus = new RabbitMqEventBus([], options);
        try
        {
            await bus.StartAsync();

            var error = await Assert.ThrowsAsync<EventBusException>(() => bus.PublishAsync(new NobodyListens(1)).AsTask());
            Assert.Contains("transport-tests.nobody-listens", error.Message);
            Assert.Contains("no queue is bound", error.Message);
        }
        finally
        {
            await Broker.DeleteAsync(options, []);
        }
    }

    [SkippableFact]
    public async Task Publishing_before_start_or_to_no_broker_says_what_to_do()
    {
        await using var notStarted = new RabbitMqEventBus([], Broker.Options(Broker.UniqueName("svc"), Broker.UniqueName("events")));
        var early = await Assert.ThrowsAsync<InvalidOperationException>(() => notStarted.PublishAsync(new OrderPlaced("a", 1)).AsTask());
        Assert.Contains("StartAsync", early.Message);

        var nowhere = Broker.Options(Broker.UniqueName("svc"), Broker.UniqueName("events"));
        nowhere.ConnectionString = "amqp://guest:secret@127.0.0.1:1/";
        await using var unreachable = new RabbitMqEventBus([], nowhere);
        var down = await Assert.ThrowsAsync<EventBusException>(() => unreachable.StartAsync());
        Assert.Contains("amqp://guest:***@127.0.0.1:1/", down.Message);
        Assert.DoesNotContain("secret", down.Message);

        var bad = Assert.Throws<ArgumentException>(() => new RabbitMqEventBus([], new RabbitMqBusOptions { ServiceName = "has space" }));
        Assert.Contains("ServiceName", bad.Message);
    }

    [SkippableFact]
    public async Task A_message_that_is_not_a_known_event_is_dead_lettered_and_the_queue_moves_on()
    {
        var handled = new ConcurrentBag<string>();
        var handler = Handler("Orders.Record", (e, _, _) => { handled.Add(e.OrderId); return default; });
        var options = Broker.Options(Broker.UniqueName("orders"), Broker.UniqueName("events"));
        options.Partitions = 1;
        await using var bus = new RabbitMqEventBus([handler], options);
        try
        {
            await bus.StartAsync();
            var factory = new ConnectionFactory { Uri = new Uri(options.ConnectionString) };
            await using (var connection = await factory.CreateConnectionAsync())
            await using (var channel = await connection.CreateChannelAsync())
            {
                // Another producer's message under our event's name, a corrupted body, and one with no id at all.
                await channel.BasicPublishAsync(options.Exchange, "transport-tests.order-placed", true,
                    new BasicProperties { MessageId = Guid.NewGuid().ToString(), Type = "transport-tests.order-placed" }, Encoding.UTF8.GetBytes("{\"OrderId\": 42, "));
                await channel.BasicPublishAsync(options.Exchange, "transport-tests.order-placed", true,
                    new BasicProperties { Type = "transport-tests.order-placed" }, Encoding.UTF8.GetBytes("<xml/>"));
            }

            await bus.PublishAsync(new OrderPlaced("good", 1));
            await Eventually.Until(() => handled.Contains("good"));

            var letters = await bus.DeadLetters.ListAsync();
            Assert.Equal(2, letters.Count);
            Assert.All(letters, letter => Assert.IsType<UnreadableMessage>(letter.Message.Event));
            Assert.Contains(letters, l => l.Error.Contains("could not be read as", StringComparison.Ordinal) && l.Handler == "Orders.Record");
            Assert.Contains(letters, l => l.Error.Contains("no PatternsGen message id", StringComparison.Ordinal));
            Assert.Equal(["good"], handled);
        }
        finally
        {
            await Broker.DeleteAsync(options, bus.Handlers);
        }
    }

    [SkippableFact]
    public async Task The_store_publisher_moves_its_checkpoint_only_past_what_the_broker_confirmed()
    {
        var handled = new ConcurrentBag<string>();
        var handler = Handler("Orders.Record", (e, _, _) => { handled.Add(e.OrderId); return default; });
        var options = Broker.Options(Broker.UniqueName("orders"), Broker.UniqueName("events"));
        await using var bus = new RabbitMqEventBus([handler], options);
        var store = new InMemoryEventStore();
        try
        {
            await bus.StartAsync();
            await store.AppendAsync("order-1", ExpectedVersion.NoStream, [new OrderPlaced("1", 1)]);
            await store.AppendAsync("order-2", ExpectedVersion.NoStream, [new OrderPlaced("2", 1)]);
            await store.AppendAsync("lonely", ExpectedVersion.NoStream, [new NobodyListens(1)]); // no queue takes it: the broker returns it
            await store.AppendAsync("order-3", ExpectedVersion.NoStream, [new OrderPlaced("3", 1)]);
            var checkpoints = new InMemoryCheckpointStore();
            var publisher = new EventStorePublisher(store, bus, checkpoints, new EventStorePublisherOptions { BatchSize = 1 });

            var error = await Assert.ThrowsAsync<EventBusException>(() => publisher.PublishPendingAsync());
            Assert.Contains("transport-tests.nobody-listens", error.Message);
            Assert.Equal(2, await checkpoints.GetAsync("event-bus")); // past order-1 and order-2, not past the returned one
            await Eventually.Until(() => handled.Count == 2);
            Assert.Equal(["1", "2"], handled.Order());

            // A publisher that names what it shares passes over the event no service takes.
            var sharing = new EventStorePublisher(store, bus, checkpoints, new EventStorePublisherOptions { Filter = static e => e.Data is OrderPlaced });
            Assert.Equal(1, await sharing.PublishPendingAsync());
            Assert.Equal(4, await checkpoints.GetAsync("event-bus"));
            await Eventually.Until(() => handled.Count == 3);
            Assert.Equal(["1", "2", "3"], handled.Order());
        }
        finally
        {
            await Broker.DeleteAsync(options, bus.Handlers);
        }
    }

    [SkippableFact]
    public async Task Stopping_lets_a_handler_finish_and_one_cut_short_is_delivered_again()
    {
        var exchange = Broker.UniqueName("events");
        var service = Broker.UniqueName("slow");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new ConcurrentBag<string>();
        var first = new RabbitMqEventBus([Handler("Slow.Handle", async (e, _, ct) =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
            finished.Add("first:" + e.OrderId);
        })], Broker.Options(service, exchange));
        try
        {
            await first.StartAsync();
            await first.PublishAsync(new OrderPlaced("a", 1));
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Graceful: the stop waits for the handler, which then acknowledges.
            var stopping = first.StopAsync();
            Assert.False(stopping.IsCompleted);
            release.SetResult();
            await stopping;
            Assert.Equal(["first:a"], finished);

            // Cut short: a stop whose time is up cancels the handler; its message goes to the next instance.
            await using var second = new RabbitMqEventBus([Handler("Slow.Handle", async (e, _, ct) =>
            {
                if (e.OrderId == "b" && !finished.Contains("cut"))
                {
                    finished.Add("cut");
                    await Task.Delay(Timeout.Infinite, ct);
                }

                finished.Add("second:" + e.OrderId);
            })], Broker.Options(service, exchange));
            await second.StartAsync();
            await second.PublishAsync(new OrderPlaced("b", 2));
            await Eventually.Until(() => finished.Contains("cut"));
            await second.StopAsync(new CancellationToken(canceled: true));

            await using var third = new RabbitMqEventBus([Handler("Slow.Handle", (e, _, _) => { finished.Add("third:" + e.OrderId); return default; })], Broker.Options(service, exchange));
            await third.StartAsync();
            await Eventually.Until(() => finished.Contains("third:b"));
            Assert.DoesNotContain("first:b", finished);
        }
        finally
        {
            await first.DisposeAsync();
            await Broker.DeleteAsync(first.Options, first.Handlers);
        }
    }

    [SkippableFact]
    public async Task Keys_stay_in_order_across_two_instances_of_a_service()
    {
        var (service, exchange) = (Broker.UniqueName("ordered"), Broker.UniqueName("events"));
        var seen = new ConcurrentDictionary<string, List<long>>();
        EventHandlerRegistration Ordered() => Handler("Ordered.Record", async (_, context, _) =>
        {
            await Task.Yield();
            var list = seen.GetOrAdd(context.Key!, _ => []);
            lock (list)
            {
                list.Add(context.Sequence);
            }
        });
        await using var first = new RabbitMqEventBus([Ordered()], Broker.Options(service, exchange));
        await using var second = new RabbitMqEventBus([Ordered()], Broker.Options(service, exchange));
        try
        {
            await first.StartAsync();
            await second.StartAsync();
            for (var sequence = 1; sequence <= 40; sequence++)
            {
                for (var k = 0; k < 10; k++)
                {
                    await first.PublishAsync(new EventMessage(new OrderPlaced("k" + k, sequence), key: "stream-" + k, sequence: sequence));
                }
            }

            await Eventually.Until(() => seen.Values.Sum(l => l.Count) == 400);
            Assert.All(seen, pair => Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), pair.Value));
        }
        finally
        {
            await Broker.DeleteAsync(first.Options, first.Handlers);
        }
    }

    [SkippableFact]
    public async Task A_message_no_consumer_ever_finishes_is_dead_lettered_by_the_broker_after_the_delivery_limit()
    {
        var (service, exchange) = (Broker.UniqueName("crashy"), Broker.UniqueName("events"));
        RabbitMqBusOptions Options()
        {
            var options = Broker.Options(service, exchange);
            options.DeliveryLimit = 2;
            options.Partitions = 0;
            return options;
        }

        var entered = 0;
        EventHandlerRegistration Hangs() => Handler("Crashy.Hang", async (_, _, ct) =>
        {
            Interlocked.Increment(ref entered);
            await Task.Delay(Timeout.Infinite, ct); // as good as a crash: no verdict until the instance goes
        });

        // Three instances in turn take the message and stop without a verdict, as crashing processes would.
        for (var instance = 1; instance <= 3; instance++)
        {
            await using var bus = new RabbitMqEventBus([Hangs()], Options());
            await bus.StartAsync();
            if (instance == 1)
            {
                await bus.PublishAsync(new OrderPlaced("crash", 1));
            }

            var before = instance - 1;
            await Eventually.Until(() => Volatile.Read(ref entered) > before);
            await bus.StopAsync(new CancellationToken(canceled: true));
        }

        await using var inspector = new RabbitMqEventBus([Hangs()], Options());
        try
        {
            await inspector.StartAsync();
            await inspector.StopAsync(); // consumes nothing: only here to read the letters
            var letter = Assert.Single(await EventuallyAsync(() => inspector.DeadLetters.ListAsync()));
            Assert.Equal("Crashy.Hang", letter.Handler);
            Assert.Equal("RabbitMQ.delivery_limit", letter.ErrorType);
            Assert.Contains("crashed", letter.Error);
            Assert.Equal(new OrderPlaced("crash", 1), letter.Message.Event);
        }
        finally
        {
            await Broker.DeleteAsync(inspector.Options, inspector.Handlers);
        }
    }

    [SkippableFact]
    public async Task A_queue_made_with_other_settings_is_refused_with_what_to_do()
    {
        var (service, exchange) = (Broker.UniqueName("changed"), Broker.UniqueName("events"));
        var handler = Handler("Changed.Handle", (_, _, _) => default);
        await using var first = new RabbitMqEventBus([handler], Broker.Options(service, exchange));
        try
        {
            await first.StartAsync();
            var changed = Broker.Options(service, exchange);
            changed.DeliveryLimit = 10;
            await using var second = new RabbitMqEventBus([handler], changed);

            var error = await Assert.ThrowsAsync<EventBusException>(() => second.StartAsync());
            Assert.Contains("x-delivery-limit", error.Message);
            Assert.Contains("rabbitmqctl delete_queue", error.Message);
        }
        finally
        {
            await Broker.DeleteAsync(first.Options, first.Handlers);
        }
    }

    private static async Task<IReadOnlyList<DeadLetter>> EventuallyAsync(Func<ValueTask<IReadOnlyList<DeadLetter>>> list)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var letters = await list();
            if (letters.Count > 0 || DateTime.UtcNow > limit)
            {
                return letters;
            }

            await Task.Delay(20);
        }
    }
}
