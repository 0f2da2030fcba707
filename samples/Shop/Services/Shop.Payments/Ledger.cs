using System.Text.Json.Serialization;
using PatternsGen;
using PatternsGen.EventSourcing;
using Shop.Contracts;

namespace Shop.Payments;

/// <summary>A card was charged; the charge's id is its idempotency key.</summary>
[Event("charge.made")]
public sealed record ChargeMade(string Id, string OrderId, decimal Amount);

/// <summary>A charge was paid back (the orders saga compensated).</summary>
[Event("charge.refunded")]
public sealed record ChargeRefunded(string Id);

/// <summary>A charge made, or why not.</summary>
public readonly record struct ChargeResult(Charge? Charge, string? Declined);

/// <summary>
/// The charges, one stream per idempotency key (<c>charge-{key}</c>): a key is charged at most once, whichever
/// instance, retry or redelivery asks, because only the first append to a new stream succeeds.
/// </summary>
public static class Ledger
{
    /// <summary>What one charge may be at most; above it the charge is declined.</summary>
    public const decimal CreditLimit = 2_000m;

    public static async Task<ChargeResult> ChargeAsync(IEventStore store, string key, string orderId, decimal amount, CancellationToken ct)
    {
        if (await FindAsync(store, key, ct) is { } existing)
        {
            return new ChargeResult(existing, null);
        }

        if (amount is <= 0 or > CreditLimit)
        {
            return new ChargeResult(null, $"{amount:0.00} is over the credit limit of {CreditLimit:0.00}.");
        }

        try
        {
            await store.AppendAsync(StreamOf(key), ExpectedVersion.NoStream, [new ChargeMade(key, orderId, amount)], ct);
            return new ChargeResult(new Charge(key, orderId, amount, Refunded: false), null);
        }
        catch (ConcurrencyException)
        {
            return new ChargeResult(await FindAsync(store, key, ct), null); // the same key, charged by another instance first
        }
    }

    /// <summary>Refunds a charge; refunding it again changes nothing. Null when there is no such charge.</summary>
    public static async Task<Charge?> RefundAsync(IEventStore store, string key, CancellationToken ct)
    {
        var charge = await FindAsync(store, key, ct);
        if (charge is null || charge.Refunded)
        {
            return charge;
        }

        try
        {
            await store.AppendAsync(StreamOf(key), 1, [new ChargeRefunded(key)], ct);
        }
        catch (ConcurrencyException)
        {
            // refunded by another instance meanwhile
        }

        return charge with { Refunded = true };
    }

    /// <summary>Every charge, read from the whole store: what the shop's checks hold the orders against.</summary>
    public static async Task<IReadOnlyList<Charge>> ListAsync(IEventStore store, CancellationToken ct)
    {
        var charges = new Dictionary<string, Charge>();
        await foreach (var recorded in store.ReadAllAsync(ct: ct))
        {
            switch (recorded.Data)
            {
                case ChargeMade e:
                    charges[e.Id] = new Charge(e.Id, e.OrderId, e.Amount, Refunded: false);
                    break;
                case ChargeRefunded e:
                    charges[e.Id] = charges[e.Id] with { Refunded = true };
                    break;
            }
        }

        return [.. charges.Values];
    }

    private static async Task<Charge?> FindAsync(IEventStore store, string key, CancellationToken ct)
    {
        Charge? charge = null;
        await foreach (var recorded in store.ReadStreamAsync(StreamOf(key), ct: ct))
        {
            charge = recorded.Data switch
            {
                ChargeMade e => new Charge(e.Id, e.OrderId, e.Amount, Refunded: false),
                ChargeRefunded => charge! with { Refunded = true },
                _ => charge,
            };
        }

        return charge;
    }

    private static string StreamOf(string key) => "charge-" + key;
}

[JsonSerializable(typeof(ChargeMade))]
[JsonSerializable(typeof(ChargeRefunded))]
internal sealed partial class PaymentsJson : JsonSerializerContext;
