using OrderService.Orders;

// The OrderService sample grows with each capability. Today: the seed's order aggregate with a
// generated apply-switch. Its events are kept in a list here; the SQLite event store replaces
// that list when event sourcing lands (see docs/event-sourcing.md once it exists).

Console.WriteLine("PatternsGen OrderService sample");
Console.WriteLine();

var order = new OrderAggregate();
order.AddItem("keyboard", 1);
order.AddItem("usb-cable", 2);
order.Submit();

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
