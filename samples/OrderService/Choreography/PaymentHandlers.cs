using OrderService.Orders;
using OrderService.Services;
using PatternsGen;
using PatternsGen.Messaging;

namespace OrderService.Choreography;

/// <summary>
/// The payment side of the choreography: order.created → payment.requested → payment.completed or
/// payment.failed. Both handlers publish, which a redelivery would do twice (PGEN002), so both use the
/// inbox: a message id they have handled is skipped.
/// </summary>
public partial class PaymentHandlers(IEventBus bus, PaymentClient payments)
{
    /// <summary>What the payment service accepts in one charge; above it the payment fails.</summary>
    public const decimal CreditLimit = 2000m;

    [EventHandler("order.created", UseInbox = true)]
    public async Task OnOrderCreated(OrderPlaced e, EventContext context, CancellationToken ct) =>
        await bus.PublishAsync(new PaymentRequested(context.Key!, e.Amount), ct); // the key is the order's stream

    [EventHandler("payment.requested", UseInbox = true)]
    public async Task OnPaymentRequested(PaymentRequested e, CancellationToken ct)
    {
        if (e.Amount > CreditLimit)
        {
            await bus.PublishAsync(new PaymentFailed(e.OrderId, $"{e.Amount:0.00} is over the credit limit"), ct);
            return;
        }

        var paymentId = await payments.ChargeAsync(e.OrderId, e.Amount, ct);
        await bus.PublishAsync(new PaymentCompleted(e.OrderId, paymentId), ct);
    }
}
