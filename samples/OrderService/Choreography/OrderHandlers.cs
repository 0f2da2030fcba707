using OrderService.Orders;
using PatternsGen;
using OrderService.Services;
using PatternsGen.EventSourcing;

namespace OrderService.Choreography;

/// <summary>
/// The order side of the choreography: a completed payment marks the order paid; a failed one cancels it
/// (the compensating order.cancelled). Each loads the order and saves with its version, and paying or
/// cancelling twice changes nothing, so a redelivery is harmless.
/// </summary>
public partial class OrderHandlers(IEventStore store, Journal journal)
{
    [EventHandler]
    public async Task OnPaymentCompleted(PaymentCompleted e, CancellationToken ct)
    {
        var order = await OrderAggregate.LoadAsync(store, e.OrderId, ct) ?? throw new InvalidOperationException($"No order {e.OrderId}.");
        order.MarkPaid(e.PaymentId);
        await order.SaveAsync(store, e.OrderId, ct);
        journal.Add($"order: {e.OrderId} paid ({e.PaymentId})");
    }

    [EventHandler]
    public async Task OnPaymentFailed(PaymentFailed e, CancellationToken ct)
    {
        var order = await OrderAggregate.LoadAsync(store, e.OrderId, ct) ?? throw new InvalidOperationException($"No order {e.OrderId}.");
        if (order.Status != "cancelled")
        {
            order.Cancel("payment failed: " + e.Reason);
            await order.SaveAsync(store, e.OrderId, ct);
            journal.Add($"order: {e.OrderId} cancelled, {e.Reason}");
        }
    }
}
