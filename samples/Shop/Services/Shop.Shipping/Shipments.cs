using System.Text.Json.Serialization;
using PatternsGen;
using PatternsGen.EventSourcing;
using Shop.Contracts;

namespace Shop.Shipping;

/// <summary>A parcel was created for an order.</summary>
[Event("shipment.created")]
public sealed record ShipmentCreated(string OrderId, string Tracking);

/// <summary>Shipments, one stream per order (<c>shipment-{orderId}</c>): asking twice gives the same parcel.</summary>
public static class Shipments
{
    /// <summary>The parcel for the order, or null when no carrier delivers there: about one order in ten, always the same ones.</summary>
    public static async Task<Shipment?> CreateAsync(IEventStore store, string orderId, CancellationToken ct)
    {
        if (await FindAsync(store, orderId, ct) is { } existing)
        {
            return existing;
        }

        if (Undeliverable(orderId))
        {
            return null;
        }

        var created = new ShipmentCreated(orderId, $"TRK-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}");
        try
        {
            await store.AppendAsync("shipment-" + orderId, ExpectedVersion.NoStream, [created], ct);
            return new Shipment(orderId, created.Tracking);
        }
        catch (ConcurrencyException)
        {
            return await FindAsync(store, orderId, ct); // another instance created it first: that one is the parcel
        }
    }

    private static async Task<Shipment?> FindAsync(IEventStore store, string orderId, CancellationToken ct)
    {
        await foreach (var recorded in store.ReadStreamAsync("shipment-" + orderId, ct: ct))
        {
            if (recorded.Data is ShipmentCreated e)
            {
                return new Shipment(e.OrderId, e.Tracking);
            }
        }

        return null;
    }

    /// <summary>Decided by the order id alone, so every instance and every retry agrees.</summary>
    private static bool Undeliverable(string orderId) => orderId.Sum(static c => c) % 10 == 3;
}

[JsonSerializable(typeof(ShipmentCreated))]
internal sealed partial class ShippingJson : JsonSerializerContext;
