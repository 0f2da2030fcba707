using PatternsGen;

namespace OrderService.Orders;

/// <summary>A customer opened an order (the first event of every order).</summary>
[Event("order.opened")]
public sealed record OrderOpened(string CustomerId, string Email);

/// <summary>A product was added to a draft order, at the catalogue's price of the moment.</summary>
[Event("order.item_added")]
public sealed record ItemAdded(string ProductId, int Quantity, decimal UnitPrice = 0m);

/// <summary>The customer submitted the order; it can no longer change.</summary>
[Event("order.submitted")]
public sealed record OrderSubmitted;

/// <summary>The order was cancelled before it shipped.</summary>
[Event("order.cancelled")]
public sealed record OrderCancelled(string Reason);

/// <summary>The order was placed for the choreography; <c>order.created</c>, with the amount to pay.</summary>
[Event("order.created")]
public sealed record OrderPlaced(decimal Amount);

/// <summary>The order saga finished: the parcel exists.</summary>
[Event("order.shipped")]
public sealed record OrderShipped(string Tracking);

/// <summary>The payment for a placed order went through.</summary>
[Event("order.paid")]
public sealed record OrderPaid(string PaymentId);

/// <summary>An order's state as a snapshot stores it (see OrderAggregate's CreateSnapshot).</summary>
public sealed record OrderState(string Status, IReadOnlyList<ItemAdded> Items, string? Email = null);
