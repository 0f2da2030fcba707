namespace OrderService.Services;

/// <summary>
/// Stands in for the shipping service: it fails now and then as the network does; <see cref="CrashFirst"/> kills
/// the whole process on the first call, as a power cut would (run again to see the saga resumed).
/// </summary>
public sealed class ShippingClient(FaultInjector faults, Journal journal)
{
    public bool CrashFirst { get; set; }

    public Task<string> CreateShipmentAsync(string orderId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (CrashFirst)
        {
            Environment.FailFast($"OrderService: simulated crash while shipping {orderId}; run the sample again to resume it.");
        }

        faults.MaybeFail("shipping", $"POST /shipments {orderId}");
        var tracking = $"TRK-{orderId.ToUpperInvariant()}";
        journal.Add($"shipping: created shipment {tracking} for {orderId}");
        return Task.FromResult(tracking);
    }
}
