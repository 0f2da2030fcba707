using PatternsGen;

namespace OrderService.Orders;

/// <summary>
/// The seed's order aggregate. Commands check the rules and raise events; the Apply methods are the
/// only place state changes, so replaying the history rebuilds exactly the same order. PatternsGen
/// generates the rest (Version, ApplyEvent, Raise, GetUncommittedEvents, MarkCommitted, FromEvents,
/// LoadAsync, SaveAsync with a snapshot every 3 events): see
/// obj/.../generated/.../OrderService.Orders.OrderAggregate.Aggregate.g.cs after a build.
/// </summary>
[Aggregate(SnapshotEvery = 3)]
public partial class OrderAggregate
{
    private readonly List<ItemAdded> _items = [];

    public string Status { get; private set; } = "draft";

    public IReadOnlyList<ItemAdded> Items => _items;

    public void AddItem(string productId, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Status != "draft")
        {
            throw new InvalidOperationException($"Cannot add items to a {Status} order.");
        }

        Raise(new ItemAdded(productId, quantity));
    }

    public void Submit()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("Cannot submit empty order.");
        }

        if (Status != "draft")
        {
            throw new InvalidOperationException($"The order is already {Status}.");
        }

        Raise(new OrderSubmitted());
    }

    public void Cancel(string reason)
    {
        if (Status != "submitted")
        {
            throw new InvalidOperationException($"Only a submitted order can be cancelled; this one is {Status}.");
        }

        Raise(new OrderCancelled(reason));
    }

    private void Apply(ItemAdded e) => _items.Add(e);

    private void Apply(OrderSubmitted e) => Status = "submitted";

    private void Apply(OrderCancelled e) => Status = "cancelled";

    private OrderState CreateSnapshot() => new(Status, [.. _items]);

    private void RestoreSnapshot(OrderState state)
    {
        Status = state.Status;
        _items.AddRange(state.Items);
    }
}
