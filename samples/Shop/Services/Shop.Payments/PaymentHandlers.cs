using PatternsGen;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;
using Shop.Contracts;

namespace Shop.Payments;

/// <summary>
/// The payments side of the choreography: a placed order is charged, and payments says how it went. The charge's
/// key is the order's, so a redelivered order.placed never charges twice; the inbox skips what was handled, and a
/// crash between the charge and the inbox record publishes the same outcome again, which orders takes once.
/// </summary>
public sealed partial class PaymentHandlers(IEventStore store, IEventBus bus)
{
    [EventHandler(UseInbox = true)]
    public async Task OnOrderPlaced(OrderPlaced e, CancellationToken ct)
    {
        var result = await Ledger.ChargeAsync(store, "order-" + e.OrderId, e.OrderId, e.Amount, ct);
        if (result.Charge is { } charge)
        {
            await bus.PublishAsync(new PaymentCompleted(e.OrderId, charge.Id), ct);
        }
        else
        {
            await bus.PublishAsync(new PaymentFailed(e.OrderId, result.Declined!), ct);
        }
    }
}
