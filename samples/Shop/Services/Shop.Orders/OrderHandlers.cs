using PatternsGen;
using PatternsGen.EventSourcing;
using Shop.Contracts;

namespace Shop.Orders;

/// <summary>
/// The orders side of the choreography: payments' verdict settles a placed order. Paying or cancelling an order
/// that is no longer placed changes nothing, so a redelivered verdict is harmless.
/// </summary>
public sealed partial class OrderHandlers(IEventStore store)
{
    [EventHandler]
    public Task OnPaymentCompleted(PaymentCompleted e, CancellationToken ct) =>
        UpdateAsync(e.OrderId, order => order.MarkPaid(e.ChargeId), ct);

    [EventHandler]
    public Task OnPaymentFailed(PaymentFailed e, CancellationToken ct) =>
        UpdateAsync(e.OrderId, order => order.Cancel("payment declined: " + e.Reason), ct);

    private async Task UpdateAsync(string orderId, Action<OrderAggregate> change, CancellationToken ct)
    {
        var order = await OrderAggregate.LoadAsync(store, orderId, ct) ?? throw new InvalidOperationException($"No order {orderId}.");
        change(order);
        await order.SaveAsync(store, orderId, ct); // a concurrent change fails this attempt; the bus retries it
    }
}
