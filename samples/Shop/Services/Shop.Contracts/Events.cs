using PatternsGen;

namespace Shop.Contracts;

// The events one service publishes and another handles, through the broker. Each keeps its name for good:
// the name is the routing key every service binds its queues with.

/// <summary>An order was placed for payment through events (the choreography); published by orders.</summary>
[Event("order.placed")]
public sealed record OrderPlaced(string OrderId, decimal Amount);

/// <summary>Payments charged a placed order.</summary>
[Event("payment.completed")]
public sealed record PaymentCompleted(string OrderId, string ChargeId);

/// <summary>Payments declined a placed order; nothing was charged.</summary>
[Event("payment.failed")]
public sealed record PaymentFailed(string OrderId, string Reason);
