using PatternsGen;

namespace OrderService.Choreography;

// The messages of the choreography that live on the bus only (the order's own events are in the store).

/// <summary>Payment is asked for a placed order.</summary>
[Event("payment.requested")]
public sealed record PaymentRequested(string OrderId, decimal Amount);

/// <summary>The payment service charged the order.</summary>
[Event("payment.completed")]
public sealed record PaymentCompleted(string OrderId, string PaymentId);

/// <summary>The payment service declined the order.</summary>
[Event("payment.failed")]
public sealed record PaymentFailed(string OrderId, string Reason);
