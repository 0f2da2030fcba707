using PatternsGen;
using Shop.Contracts;

namespace Shop.Orders;

/// <summary>A customer opened an order.</summary>
[Event("order.opened")]
public sealed record OrderOpened(string CustomerId, string Email);

/// <summary>A product was added, at the catalogue's price of the moment.</summary>
[Event("order.item_added")]
public sealed record ItemAdded(string ProductId, int Quantity, decimal UnitPrice);

/// <summary>The order was submitted to the saga: stock, payment and shipment follow over HTTP.</summary>
[Event("order.submitted")]
public sealed record OrderSubmitted;

/// <summary>The saga finished: the parcel exists.</summary>
[Event("order.shipped")]
public sealed record OrderShipped(string Tracking);

/// <summary>Payments charged the placed order (the choreography).</summary>
[Event("order.paid")]
public sealed record OrderPaid(string ChargeId);

/// <summary>The order was cancelled: its saga compensated, or payments declined it.</summary>
[Event("order.cancelled")]
public sealed record OrderCancelled(string Reason);

/// <summary>
/// An order. Submitted orders go through the saga and end shipped or cancelled; placed ones (<see cref="OrderPlaced"/>,
/// which the broker carries to payments) end paid or cancelled. Settling an order twice the same way changes nothing.
/// </summary>
[Aggregate]
public partial class OrderAggregate
{
    private readonly List<ItemAdded> _items = [];

    public string Status { get; private set; } = "draft";

    public string Email { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public IReadOnlyList<ItemAdded> Items => _items;

    public decimal Total => _items.Sum(static i => i.Quantity * i.UnitPrice);

    public void Open(string customerId, string email) => Raise(new OrderOpened(customerId, email));

    public void AddItem(string productId, int quantity, decimal unitPrice) => Raise(new ItemAdded(productId, quantity, unitPrice));

    /// <summary>Hands the order to the saga, or to the choreography (<see cref="OrderPlaced"/>).</summary>
    public void Submit(string orderId, bool viaSaga)
    {
        if (_items.Count == 0 || Status != "draft")
        {
            throw new InvalidOperationException($"Only a draft order with items can be submitted; this one is {Status} with {_items.Count} items.");
        }

        Raise(viaSaga ? new OrderSubmitted() : new OrderPlaced(orderId, Total));
    }

    public void MarkShipped(string tracking)
    {
        if (Status == "submitted")
        {
            Raise(new OrderShipped(tracking));
        }
    }

    public void MarkPaid(string chargeId)
    {
        if (Status == "placed")
        {
            Raise(new OrderPaid(chargeId));
        }
    }

    public void Cancel(string reason)
    {
        if (Status is "submitted" or "placed")
        {
            Raise(new OrderCancelled(reason));
        }
    }

    private void Apply(OrderOpened e) => Email = e.Email;

    private void Apply(ItemAdded e) => _items.Add(e);

    private void Apply(OrderSubmitted e) => Status = "submitted";

    private void Apply(OrderPlaced e) => Status = "placed";

    private void Apply(OrderShipped e) => (Status, Detail) = ("shipped", e.Tracking);

    private void Apply(OrderPaid e) => (Status, Detail) = ("paid", e.ChargeId);

    private void Apply(OrderCancelled e) => (Status, Detail) = ("cancelled", e.Reason);
}
