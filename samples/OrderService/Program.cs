using OrderService.Choreography;
using OrderService.Orders;
using OrderService.ReadModels;
using OrderService.Sagas;
using OrderService.Services;
using PatternsGen.Sagas;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Sqlite;
using PatternsGen.Messaging;
using PatternsGen.Projections;

// The OrderService sample grows with each capability. Today: the seed's order aggregate with a
// generated apply-switch, stored in SQLite (the embedded default); the seed's order saga with
// generated compensation and a durable log in the same database; the inventory call guarded by a
// resilience pipeline; the seed's choreography on the event bus; and an orders_view read model kept by a
// projection. Run it with --crash to kill the process mid-saga; the next run resumes it.

Console.WriteLine("PatternsGen OrderService sample");
Console.WriteLine();

// The event store: a SQLite file beside the program. Each run adds one more order to it.
var databasePath = Path.Combine(AppContext.BaseDirectory, "orders.db");
var store = new SqliteEventStore($"Data Source={databasePath}");
var orderId = $"order-{Guid.NewGuid():N}"[..14];

// The inventory service fails every third call; retries absorb it, the breaker stays closed.
var journal = new List<string>();
var services = new ServiceCalls(new InventoryClient(failEvery: 3));
var shipping = new ShippingClient(journal) { CrashFirst = args.Contains("--crash") };
var saga = new PlaceOrderSaga(services, new PaymentClient(journal), shipping, journal, new SagaLog(store));

// Runs an earlier process left unfinished (run with --crash to leave one) are finished first:
// forward from the last recorded step, or on with the compensations.
foreach (var run in await saga.ResumeUnfinishedAsync())
{
    Console.WriteLine($"Resumed saga run {run.SagaId}, left by a crash: now {run.Status}.");
    journal.ForEach(static line => Console.WriteLine($"  {line}"));
    journal.Clear();
}

var order = new OrderAggregate();
order.AddItem("keyboard", 1);
order.AddItem("usb-cable", 2);
order.AddItem("monitor", 1);

// Placing the order is the seed's saga: reserve inventory → process payment → create shipment (pivot).
await saga.ExecuteAsync(orderId, new PlaceOrderContext(orderId, [.. order.Items]));
order.Submit();
Console.WriteLine($"Placed {orderId} through the saga:");
journal.ForEach(static line => Console.WriteLine($"  {line}"));
Console.WriteLine("Its saga log, in the same database:");
await foreach (var e in store.ReadStreamAsync(SagaLog.StreamId(nameof(PlaceOrderSaga), orderId)))
{
    Console.WriteLine($"  v{e.Version} {e.EventType,-30} {Describe(e.Data)}");
}

Console.WriteLine($"Inventory pipeline: {services.Inventory.Calls} calls, {services.Retries} retried, " +
                  $"circuit {services.InventoryPipeline.CircuitBreaker!.State}.");

using (EventMetadata.Use(correlationId: orderId))
{
    await order.SaveAsync(store, orderId);
}

Console.WriteLine($"Placed {orderId}: version {order.Version}, status '{order.Status}', saved to {databasePath}.");
await foreach (var e in store.ReadStreamAsync(orderId))
{
    Console.WriteLine($"  v{e.Version} #{e.Position} {e.EventType,-18} {e.Data}");
}

var loaded = await OrderAggregate.LoadAsync(store, orderId)
             ?? throw new InvalidOperationException($"{orderId} was just saved but cannot be loaded.");
var same = loaded.Version == order.Version && loaded.Status == order.Status && loaded.Items.SequenceEqual(order.Items);
Console.WriteLine($"Loaded back (its newest snapshot, then any later events): version {loaded.Version}, status '{loaded.Status}', " +
                  $"{loaded.Items.Sum(static i => i.Quantity)} items.");

// Two clerks load the order; the first cancels it, the second's save is refused because the
// stream moved on. Nothing of the second is written.
var clerkA = (await OrderAggregate.LoadAsync(store, orderId))!;
var clerkB = (await OrderAggregate.LoadAsync(store, orderId))!;
clerkA.Cancel("customer called");
await clerkA.SaveAsync(store, orderId);
clerkB.Cancel("duplicate order");
try
{
    await clerkB.SaveAsync(store, orderId);
    same = false;
}
catch (ConcurrencyException conflict)
{
    Console.WriteLine($"A stale save is refused: expected version {conflict.ExpectedVersion}, the stream is at {conflict.ActualVersion}.");
}

var final = (await OrderAggregate.LoadAsync(store, orderId))!;
Console.WriteLine($"After the cancel: version {final.Version}, status '{final.Status}'.");
same &= final.Status == "cancelled" && final.Version == order.Version + 1;

// The injected failure: with the shipping service down, the pivot fails, so the payment is refunded
// and the stock released, newest first, before the error reaches the caller.
shipping.Down = true;
journal.Clear();
var failingId = $"failing-{Guid.NewGuid():N}"[..16];
try
{
    await saga.ExecuteAsync(failingId, new PlaceOrderContext(failingId, [new ItemAdded("desk", 1)]));
    same = false;
}
catch (SagaExecutionException failure)
{
    Console.WriteLine($"With shipping down, step '{failure.StepName}' failed ({failure.InnerException!.Message}); the journal, compensations last:");
    journal.ForEach(static line => Console.WriteLine($"  {line}"));
    var recorded = await saga.Log.ReadAsync(nameof(PlaceOrderSaga), failingId);
    Console.WriteLine($"  its log says: {recorded.Status}");
    same &= failure.CompensationFailures.Count == 0 && journal[^1].StartsWith("inventory: released", StringComparison.Ordinal)
            && recorded.Status == SagaStatus.Compensated;
}

// The seed's choreography: two orders placed by events. The publisher forwards what the store holds to the
// bus (with a checkpoint in the same database); handlers request, charge or decline the payment and mark
// the order paid or cancel it (the compensating order.cancelled). The orders_view projection follows.
InMemoryEventBus bus = null!;
var payments = new PaymentClient(journal);
var handlers = PatternsGen.Generated.EventHandlers.Create(
    () => new OrderHandlers(store, journal),
    () => new PaymentHandlers(bus, payments));
bus = new InMemoryEventBus(handlers, new EventBusOptions { Inbox = store, DeadLetters = store });
var publisher = new EventStorePublisher(store, bus, checkpoints: store);
var view = new OrdersView($"Data Source={databasePath}");
var projections = new ProjectionRunner(store, checkpoints: store, [view], new ProjectionOptions { Parked = store });

journal.Clear();
var affordable = await PlaceByEventsAsync("cheap", ("pen", 3));
var tooDear = await PlaceByEventsAsync("dear", ("server", 50));
while (await publisher.PublishPendingAsync() > 0)
{
    await bus.WhenIdleAsync(); // handlers publish and append more; forward until nothing is new
}

await projections.CatchUpAsync();
Console.WriteLine("Two orders placed by events, paid or cancelled by the choreography:");
journal.ForEach(static line => Console.WriteLine($"  {line}"));
foreach (var id in new[] { affordable, tooDear })
{
    if (await view.FindAsync(id) is var (status, items, total))
    {
        Console.WriteLine($"  orders_view: {id} → {status}, {items} items, {total:0.00}");
    }
}

same &= (await view.FindAsync(affordable))?.Status == "paid" && (await view.FindAsync(tooDear))?.Status == "cancelled"
        && (await bus.DeadLetters.ListAsync()).Count == 0;
await bus.DisposeAsync();

try
{
    new OrderAggregate().Submit();
}
catch (InvalidOperationException error)
{
    Console.WriteLine($"An empty order is refused: {error.Message}");
}

Console.WriteLine(same ? "Saga, saga log, store, replay, concurrency, choreography and read model check out." : "Something did NOT check out.");
return same ? 0 : 1;

async Task<string> PlaceByEventsAsync(string name, params (string Product, int Quantity)[] lines)
{
    var id = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
    var placed = new OrderAggregate();
    foreach (var (product, quantity) in lines)
    {
        placed.AddItem(product, quantity);
    }

    placed.Place();
    await placed.SaveAsync(store, id);
    return id;
}

static string Describe(object record) => record switch
{
    SagaStarted started => $"context {started.Context.GetRawText()}",
    SagaStepCompleted step => $"{step.Step} → {step.Result?.GetRawText() ?? "(no result)"}",
    _ => record.ToString() ?? "",
};
