using System.Diagnostics;
using OrderService.Agents;
using OrderService.Choreography;
using OrderService.Modules;
using OrderService.Orders;
using OrderService.Sagas;
using OrderService.Services;
using PatternsGen.Agents;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;
using PatternsGen.Projections;
using PatternsGen.Sagas;

namespace OrderService.Run;

/// <summary>What the command line asked for.</summary>
public sealed record RunSettings(int Orders, double FailureRate, StoreKind Store, bool Trace, bool Crash, int Seed, string? Database, string? Postgres, int Concurrency = 1);

/// <summary>
/// The whole picture in one process: the user and product services called synchronously through
/// breaker + retry, orders placed alternately through the orchestrated saga and the choreography on the bus,
/// the order aggregate and the orders_view read model, and the search_orders agent tool over that view.
/// </summary>
public sealed class OrderServiceRun(RunSettings settings, TextWriter output)
{
    public static readonly ActivitySource Source = new("OrderService");

    // What customers put in their baskets, most often first: now and then a server (over the payment service's
    // credit limit, so the choreography cancels it) or the typewriter the catalogue no longer sells.
    private static readonly string[] Basket =
        ["keyboard", "keyboard", "keyboard", "usb-cable", "usb-cable", "usb-cable", "usb-cable", "monitor", "monitor", "desk", "desk", "server", "typewriter"];

    private readonly Journal _journal = new();
    private readonly List<OrderOutcome> _outcomes = [];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var storage = await Storage.OpenAsync(settings.Store, settings.Database, settings.Postgres, ct);
        output.WriteLine($"PatternsGen OrderService: {settings.Orders} orders, failure rate {settings.FailureRate:0.##}, seed {settings.Seed}, store {storage.Description}");
        output.WriteLine();

        var faults = new FaultInjector(settings.FailureRate, settings.Seed);
        var calls = new ServiceCalls(new UserService(faults), new ProductService(faults), new InventoryClient(faults));
        var payments = new PaymentClient(faults, _journal);
        var shipping = new ShippingClient(faults, _journal) { CrashFirst = settings.Crash };
        var saga = new PlaceOrderSaga(calls, payments, shipping, _journal, new SagaLog(storage.Events, OrderServiceJson.Default.Options));

        await ResumeLeftoversAsync(saga, storage, ct);

        // The choreography: the publisher forwards what the store holds to the bus, checkpointed in the same store;
        // handlers request, charge or decline the payment and mark the order paid or cancel it.
        InMemoryEventBus bus = null!;
        var handlers = PatternsGen.Generated.EventHandlers.Create(
            () => new OrderHandlers(storage.Events, _journal),
            () => new PaymentHandlers(bus, payments));
        bus = new InMemoryEventBus(handlers, new EventBusOptions
        {
            Inbox = storage.Inbox,
            DeadLetters = storage.DeadLetters,
            Retry = new PatternsGen.Resilience.RetryOptions { Name = "event-bus", MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        });
        await using var busLifetime = bus;
        var publisher = new EventStorePublisher(storage.Events, bus, storage.Checkpoints);
        var projections = new ProjectionRunner(storage.Events, storage.Checkpoints, [storage.View], new ProjectionOptions { Parked = storage.Parked });
        var deadLettersBefore = (await storage.DeadLetters.ListAsync(ct)).Count;

        // What each order holds is drawn up front, in order, so a seed gives the same orders at any --concurrency.
        var random = new Random(settings.Seed + 1);
        var runTag = Guid.NewGuid().ToString("N")[..4]; // orders of earlier runs stay in the database: new ids every run
        var plans = Enumerable.Range(1, settings.Orders).Select(n => Plan(n, $"o-{runTag}-{n:000}", random)).ToArray();
        using var draining = new SemaphoreSlim(1, 1); // the publisher forwards for one caller at a time
        var placing = Stopwatch.StartNew();
        var next = 0;
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var n && n <= settings.Orders)
            {
                var plan = plans[n - 1];
                var outcome = await PlaceOrderAsync(plan, calls, saga, storage, ct);
                if (outcome.Route == "choreography" && outcome.Status == "placed")
                {
                    await draining.WaitAsync(ct);
                    try
                    {
                        await DrainAsync(publisher, bus, ct);
                    }
                    finally
                    {
                        draining.Release();
                    }

                    var order = await OrderAggregate.LoadAsync(storage.Events, plan.OrderId, ct);
                    outcome = outcome with
                    {
                        Status = order?.Status ?? "missing",
                        Detail = order?.Status switch { "paid" => "paid through the bus", "cancelled" => "payment declined: order.cancelled", _ => "payment dead-lettered" },
                    };
                }

                lock (_outcomes)
                {
                    _outcomes.Add(outcome);
                    output.WriteLine($"[{++done,3}/{settings.Orders}] {plan.OrderId} {outcome.Customer,-16} {outcome.Route,-12} {outcome.Status,-9} {outcome.Total,9:0.00}  {outcome.Detail}");
                }
            }
        }, ct)));
        placing.Stop();

        await DrainAsync(publisher, bus, ct);
        await projections.CatchUpAsync(ct);

        var agentAnswer = await AskAgentAsync(storage, ct);
        var deadLetters = (await storage.DeadLetters.ListAsync(ct)).Count - deadLettersBefore;
        var consistent = await CheckAsync(storage, ct);
        Summary.Write(output, settings, storage, calls, faults, _outcomes, deadLetters, agentAnswer, placing.Elapsed, clock.Elapsed, consistent);
        return consistent ? 0 : 1;
    }

    /// <summary>Who orders what, and by which route: odd orders through the saga, even ones through the choreography.</summary>
    private static OrderPlan Plan(int n, string orderId, Random random)
    {
        var user = UserService.All[random.Next(UserService.All.Count)];
        var lines = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => (Product: Basket[random.Next(Basket.Length)], Quantity: random.Next(1, 3)))
            .DistinctBy(static l => l.Product)
            .ToList();
        return new OrderPlan(orderId, n % 2 == 1, user, lines);
    }

    private async Task<OrderOutcome> PlaceOrderAsync(OrderPlan plan, ServiceCalls calls, PlaceOrderSaga saga, Storage storage, CancellationToken ct)
    {
        var (orderId, viaSaga, user, lines) = plan;
        var route = viaSaga ? "saga" : "choreography";

        // One trace per order; its correlation id is the order's id, on every span, event and log record.
        using var activity = Source.StartActivity("place order");
        activity?.SetTag("order.id", orderId);
        activity?.AddBaggage("correlation_id", orderId);
        using var metadata = EventMetadata.Use(correlationId: orderId);

        // Synchronous calls to the user and product services, each through breaker + retry.
        var order = new OrderAggregate();
        try
        {
            var found = await calls.GetUserAsync(user.Id, ct) ?? throw new InvalidOperationException($"no user {user.Id}");
            order.Open(found.Id, found.Email);
            foreach (var (productId, quantity) in lines)
            {
                var product = await calls.GetProductAsync(productId, ct);
                if (product is not { Available: true })
                {
                    return new OrderOutcome(orderId, user.Email, route, "rejected", 0, $"{productId} is not available");
                }

                order.AddItem(product.Id, quantity, product.Price);
            }
        }
        catch (Exception error) when (error is HttpRequestException or PatternsGen.Resilience.CircuitBreakerOpenException or PatternsGen.Resilience.ResilienceTimeoutException)
        {
            return new OrderOutcome(orderId, user.Email, route, "rejected", 0, "a service was unavailable: " + error.Message);
        }

        if (!viaSaga)
        {
            order.Place(); // order.created: the choreography takes it from here
            await order.SaveAsync(storage.Events, orderId, ct);
            return new OrderOutcome(orderId, user.Email, route, order.Status, order.Total, "");
        }

        order.Submit();
        await order.SaveAsync(storage.Events, orderId, ct);
        try
        {
            await saga.ExecuteAsync(orderId, new PlaceOrderContext(orderId, [.. order.Items]), ct);
            var tracking = (await saga.Log.ReadAsync(nameof(PlaceOrderSaga), orderId, ct)).GetResult<string>(2);
            order.MarkShipped(tracking);
            await order.SaveAsync(storage.Events, orderId, ct);
            return new OrderOutcome(orderId, user.Email, route, order.Status, order.Total, tracking);
        }
        catch (SagaExecutionException failure)
        {
            order.Cancel($"saga step {failure.StepName} failed");
            await order.SaveAsync(storage.Events, orderId, ct);
            var undone = failure.StepName == nameof(PlaceOrderSaga.ReserveInventory) ? null // the first step: nothing before it to undo
                : failure.CompensationFailures.Count == 0 ? "earlier steps compensated, newest first"
                : $"{failure.CompensationFailures.Count} compensation(s) dead-lettered";
            return new OrderOutcome(orderId, user.Email, route, order.Status, order.Total, $"{failure.StepName} failed" + (undone is null ? "" : "; " + undone))
            {
                Compensated = undone is not null,
            };
        }
    }

    /// <summary>Runs an earlier process left unfinished (--crash leaves one) are finished first, and their orders updated.</summary>
    private async Task ResumeLeftoversAsync(PlaceOrderSaga saga, Storage storage, CancellationToken ct)
    {
        foreach (var run in await saga.ResumeUnfinishedAsync(ct))
        {
            if (await OrderAggregate.LoadAsync(storage.Events, run.SagaId, ct) is { Status: "submitted" } order)
            {
                if (run.Status == SagaStatus.Completed)
                {
                    order.MarkShipped((await saga.Log.ReadAsync(nameof(PlaceOrderSaga), run.SagaId, ct)).GetResult<string>(2));
                }
                else
                {
                    order.Cancel("saga compensated after a crash");
                }

                await order.SaveAsync(storage.Events, run.SagaId, ct);
            }

            output.WriteLine($"Resumed saga run {run.SagaId}, left by a crash: now {run.Status}.");
        }
    }

    /// <summary>Forwards what the store holds until nothing is new: handlers publish and append more.</summary>
    private static async Task DrainAsync(EventStorePublisher publisher, InMemoryEventBus bus, CancellationToken ct)
    {
        while (await publisher.PublishPendingAsync(ct) > 0)
        {
            await bus.WhenIdleAsync(ct);
        }
    }

    /// <summary>The agent: the scripted model asks search_orders about the run's busiest customer.</summary>
    private async Task<string> AskAgentAsync(Storage storage, CancellationToken ct)
    {
        var customer = _outcomes.Where(static o => o.Status != "rejected").GroupBy(static o => o.Customer).MaxBy(static g => g.Count())?.Key ?? UserService.All[0].Email;
        var tools = new OrderSearchTools(storage.View).GetAgentTools(new AgentToolOptions { JsonOptions = OrderServiceJson.Default.Options });
        var agent = new AgentService(new ScriptedChatClient(), tools, new AgentOptions { MaxIterations = 4, Instructions = "You answer questions about orders. Use the tools." });
        var response = await agent.RunAsync($"What has {customer} ordered?", ct);
        return $"\"What has {customer} ordered?\" → {response.Text}";
    }

    /// <summary>Every order ended where it should, and orders_view agrees with the aggregates.</summary>
    private async Task<bool> CheckAsync(Storage storage, CancellationToken ct)
    {
        var ok = true;
        foreach (var outcome in _outcomes.Where(static o => o.Status != "rejected"))
        {
            var order = await OrderAggregate.LoadAsync(storage.Events, outcome.Id, ct);
            var row = await storage.View.FindAsync(outcome.Id, ct);
            var expected = outcome.Route == "saga" ? new[] { "shipped", "cancelled" } : ["paid", "cancelled", "placed"];
            if (order is null || !expected.Contains(order.Status) || row?.Status != order.Status || row.Total != order.Total)
            {
                output.WriteLine($"NOT consistent: {outcome.Id} is {order?.Status ?? "missing"} in the store and {row?.Status ?? "missing"} in orders_view.");
                ok = false;
            }
        }

        return ok;
    }
}

/// <summary>One order to place, drawn before the run.</summary>
public sealed record OrderPlan(string OrderId, bool ViaSaga, User User, List<(string Product, int Quantity)> Lines);

/// <summary>How one order ended.</summary>
public sealed record OrderOutcome(string Id, string Customer, string Route, string Status, decimal Total, string Detail)
{
    public bool Compensated { get; init; }
}
