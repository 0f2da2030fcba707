using PatternsGen;

namespace OrderService.Orders;

/// <summary>
/// The order aggregate. Commands check the rules and raise events; the Apply methods are the
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

    /// <summary>The customer's e-mail address, once opened.</summary>
    public string? Email { get; private set; }

    public decimal Total => _items.Sum(static i => i.Quantity * i.UnitPrice);

    /// <summary>Opens a new order for a customer.</summary>
    public void Open(string customerId, string email)
    {
        if (Version > 0 || GetUncommittedEvents().Count > 0)
        {
            throw new InvalidOperationException("The order is already open.");
        }

        Raise(new OrderOpened(customerId, email));
    }

    public void AddItem(string productId, int quantity, decimal unitPrice = 0m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Status != "draft")
        {
            throw new InvalidOperationException($"Cannot add items to a {Status} order.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        Raise(new ItemAdded(productId, quantity, unitPrice));
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

        Raise(new OrderPlaced(Total));
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

    /// <summary>Records the shipment the saga created. Shipping a shipped order again changes nothing.</summary>
    public void MarkShipped(string tracking)
    {
        if (Status == "shipped")
        {
            return;
        }

        if (Status != "submitted")
        {
            throw new InvalidOperationException($"Only a submitted order can be shipped; this one is {Status}.");
        }

        Raise(new OrderShipped(tracking));
    }

    public void Cancel(string reason)
    {
        if (Status is not ("submitted" or "placed"))
        {
            throw new InvalidOperationException($"Only a submitted or placed order can be cancelled; this one is {Status}.");
        }

        Raise(new OrderCancelled(reason));
    }

    private void Apply(OrderOpened e) => Email = e.Email;

    private void Apply(ItemAdded e) => _items.Add(e);

    private void Apply(OrderShipped e) => Status = "shipped";

    private void Apply(OrderSubmitted e) => Status = "submitted";

    private void Apply(OrderCancelled e) => Status = "cancelled";

    private void Apply(OrderPlaced e) => Status = "placed";

    private void Apply(OrderPaid e) => Status = "paid";

    private OrderState CreateSnapshot() => new(Status, [.. _items], Email);

    private void RestoreSnapshot(OrderState state)
    {
        Status = state.Status;
        Email = state.Email;
        _items.AddRange(state.Items);
    }
}
