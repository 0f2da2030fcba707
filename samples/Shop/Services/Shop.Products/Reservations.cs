using System.Text.Json.Serialization;
using PatternsGen;
using PatternsGen.EventSourcing;
using Shop.Contracts;

namespace Shop.Products;

/// <summary>Stock was set aside for an order.</summary>
[Event("stock.reserved")]
public sealed record StockReserved(string OrderId, IReadOnlyList<OrderLine> Lines);

/// <summary>An order's stock went back on the shelf (its saga compensated).</summary>
[Event("stock.released")]
public sealed record StockReleased(string OrderId);

/// <summary>
/// Reservations, one stream per order (<c>reservation-{orderId}</c>). Both calls are idempotent: the orders service's
/// retries and a saga resumed after a crash may send them again, and the second time changes nothing.
/// </summary>
public static class Reservations
{
    public static async Task<Reservation> ReserveAsync(IEventStore store, string orderId, IReadOnlyList<OrderLine> lines, CancellationToken ct)
    {
        if (await FindAsync(store, orderId, ct) is { } existing)
        {
            return existing;
        }

        try
        {
            await store.AppendAsync(StreamOf(orderId), ExpectedVersion.NoStream, [new StockReserved(orderId, lines)], ct);
            return new Reservation(orderId, lines, Released: false);
        }
        catch (ConcurrencyException)
        {
            return (await FindAsync(store, orderId, ct))!; // another instance took the same request first
        }
    }

    /// <summary>Releases the order's stock; releasing what was never reserved or is released already changes nothing.</summary>
    public static async Task<Reservation> ReleaseAsync(IEventStore store, string orderId, CancellationToken ct)
    {
        var existing = await FindAsync(store, orderId, ct);
        if (existing is null || existing.Released)
        {
            return existing ?? new Reservation(orderId, [], Released: true);
        }

        try
        {
            await store.AppendAsync(StreamOf(orderId), 1, [new StockReleased(orderId)], ct);
        }
        catch (ConcurrencyException)
        {
            // released by another instance meanwhile
        }

        return existing with { Released = true };
    }

    private static async Task<Reservation?> FindAsync(IEventStore store, string orderId, CancellationToken ct)
    {
        Reservation? reservation = null;
        await foreach (var recorded in store.ReadStreamAsync(StreamOf(orderId), ct: ct))
        {
            reservation = recorded.Data switch
            {
                StockReserved e => new Reservation(orderId, e.Lines, Released: false),
                StockReleased => reservation! with { Released = true },
                _ => reservation,
            };
        }

        return reservation;
    }

    private static string StreamOf(string orderId) => "reservation-" + orderId;
}

[JsonSerializable(typeof(StockReserved))]
[JsonSerializable(typeof(StockReleased))]
internal sealed partial class ProductsJson : JsonSerializerContext;
