using OrderService.Orders;
using OrderService.Services;

// The OrderService sample grows with each capability. Today: the seed's order aggregate with a
// generated apply-switch, and the inventory call guarded by a resilience pipeline. The order's
// events are kept in a list here; the SQLite event store replaces that list when event sourcing lands.

Console.WriteLine("PatternsGen OrderService sample");
Console.WriteLine();

// The inventory service fails every third call; retries absorb it, the breaker stays closed.
var services = new ServiceCalls(new InventoryClient(failEvery: 3));
var order = new OrderAggregate();
foreach (var (product, quantity) in new[] { ("keyboard", 1), ("usb-cable", 2), ("monitor", 1) })
{
    if (!await services.ReserveAsync(product, quantity))
    {
        throw new InvalidOperationException($"No stock for {product}.");
    }

    order.AddItem(product, quantity);
}

order.Submit();
Console.WriteLine($"Reserved stock through the inventory pipeline: {services.Inventory.Calls} calls, " +
                  $"{services.Retries} retried, circuit {services.InventoryPipeline.CircuitBreaker!.State}.");

var history = order.GetUncommittedEvents().ToList(); // what a store would append
order.MarkCommitted();
Console.WriteLine($"Placed an order: {history.Count} events, version {order.Version}, status '{order.Status}'.");
foreach (var e in history)
{
    Console.WriteLine($"  {e}");
}

var replayed = OrderAggregate.FromEvents(history);
Console.WriteLine($"Rebuilt from its events: version {replayed.Version}, status '{replayed.Status}', " +
                  $"{replayed.Items.Sum(static i => i.Quantity)} items.");

try
{
    new OrderAggregate().Submit();
}
catch (InvalidOperationException error)
{
    Console.WriteLine($"An empty order is refused: {error.Message}");
}

var same = replayed.Version == order.Version && replayed.Status == order.Status && replayed.Items.SequenceEqual(order.Items);
Console.WriteLine(same ? "Replay matches the original order." : "Replay does NOT match the original order.");
return same ? 0 : 1;
