namespace Shop.Contracts;

// The bodies of the services' HTTP APIs.

/// <summary>A customer, from users: <c>GET /users/{id}</c>.</summary>
public sealed record User(string Id, string Email, string Name);

/// <summary>A catalogue entry, from products: <c>GET /products/{id}</c>.</summary>
public sealed record Product(string Id, string Name, decimal Price, bool Available);

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string ProductId, int Quantity);

/// <summary>Stock held for an order, at products: <c>PUT /reservations/{orderId}</c>.</summary>
public sealed record Reservation(string OrderId, IReadOnlyList<OrderLine> Lines, bool Released);

/// <summary>A charge to make, at payments: <c>POST /charges</c> with an <c>Idempotency-Key</c> header.</summary>
public sealed record ChargeRequest(string OrderId, decimal Amount);

/// <summary>A charge payments made, once per idempotency key; <c>GET /ledger</c> lists them all.</summary>
public sealed record Charge(string Id, string OrderId, decimal Amount, bool Refunded);

/// <summary>A parcel, from shipping: <c>PUT /shipments/{orderId}</c>.</summary>
public sealed record Shipment(string OrderId, string Tracking);

/// <summary>
/// An order to place, at orders: <c>PUT /orders/{id}</c>. <see cref="Route"/> is <c>saga</c> (orders calls
/// products, payments and shipping in turn) or <c>choreography</c> (payment follows through broker events).
/// </summary>
public sealed record PlaceOrder(string CustomerId, IReadOnlyList<OrderLine> Lines, string Route);

/// <summary>
/// Where an order stands, at orders. <see cref="Status"/>: <c>submitted</c> or <c>placed</c> while in flight;
/// <c>shipped</c> or <c>paid</c> when completed; <c>cancelled</c> when compensated; <c>rejected</c> when it never
/// started (a product not sold). <see cref="View"/> is its row in orders_view, when there is one.
/// </summary>
public sealed record OrderStatus(string Id, string Status, decimal Total, string Detail, OrderViewRow? View = null)
{
    /// <summary>Whether the order ended: nothing more will happen to it.</summary>
    public bool IsFinal => Status is "shipped" or "paid" or "cancelled" or "rejected";
}

/// <summary>One row of the orders_view read model.</summary>
public sealed record OrderViewRow(string Id, string Customer, string Status, int Items, decimal Total);

/// <summary>A service's unfinished business, at <c>GET /dead-letters</c>: the store's and the broker's dead letters, and parked events.</summary>
public sealed record DeadLetterReport(long Count, IReadOnlyList<string> Letters);
