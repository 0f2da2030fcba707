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

    /// <summary>Places the order for the choreography: payment follows through events (see Choreography/).</summary>
    public void Place()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("Cannot place an empty order.");
        }

        if (Status != "draft")
        {
            throw new InvalidOperationException($"The order is already {Status}.");
        }

        Raise(new OrderPlaced(_items.Sum(static i => i.Quantity * 25m)));
    }

    /// <summary>Records the payment. Paying a paid order again changes nothing, so a redelivered payment is harmless.</summary>
    public void MarkPaid(string paymentId)
    {
        if (Status == "paid")
        {
            return;
        }

        if (Status != "placed")
        {
            throw new InvalidOperationException($"Only a placed order can be paid; this one is {Status}.");
        }

        Raise(new OrderPaid(paymentId));
    }

    public void Cancel(string reason)
    {
        if (Status is not ("submitted" or "placed"))
        {
            throw new InvalidOperationException($"Only a submitted or placed order can be cancelled; this one is {Status}.");
        }

        Raise(new OrderCancelled(reason));
    }

    private void Apply(ItemAdded e) => _items.Add(e);

    private void Apply(OrderSubmitted e) => Status = "submitted";

    private void Apply(OrderCancelled e) => Status = "cancelled";

    private void Apply(OrderPlaced e) => Status = "placed";

    private void Apply(OrderPaid e) => Status = "paid";

    private OrderState CreateSnapshot() => new(Status, [.. _items]);

    private void RestoreSnapshot(OrderState state)
    {
        Status = state.Status;
        _items.AddRange(state.Items);
    }
}
