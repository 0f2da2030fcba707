using PatternsGen;

namespace OrderService.Orders;

/// <summary>A product was added to a draft order.</summary>
[Event("order.item_added")]
public sealed record ItemAdded(string ProductId, int Quantity);

/// <summary>The customer submitted the order; it can no longer change.</summary>
[Event("order.submitted")]
public sealed record OrderSubmitted;

/// <summary>The order was cancelled before it shipped.</summary>
[Event("order.cancelled")]
public sealed record OrderCancelled(string Reason);

/// <summary>The order was placed for the choreography; the seed's <c>order.created</c>, with the amount to pay.</summary>
[Event("order.created")]
public sealed record OrderPlaced(decimal Amount);

/// <summary>The payment for a placed order went through.</summary>
[Event("order.paid")]
public sealed record OrderPaid(string PaymentId);

/// <summary>An order's state as a snapshot stores it (see OrderAggregate's CreateSnapshot).</summary>
public sealed record OrderState(string Status, IReadOnlyList<ItemAdded> Items);
