using PatternsGen;

namespace OrderService.Orders;

/// <summary>A product was added to a draft order.</summary>
[Event("order.item_added")]
public sealed record ItemAdded(string ProductId, int Quantity);

/// <summary>The customer submitted the order; it can no longer change.</summary>
[Event("order.submitted")]
public sealed record OrderSubmitted;
