namespace OrderService.Services;

/// <summary>
/// Stands in for the shipping service. <see cref="Down"/> makes it refuse every shipment;
/// <see cref="CrashFirst"/> kills the whole process on the first call, as a power cut would.
/// </summary>
public sealed class ShippingClient(List<string> journal)
{
    public bool Down { get; set; }

    public bool CrashFirst { get; set; }

    public Task<string> CreateShipmentAsync(string orderId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (CrashFirst)
        {
            Environment.FailFast($"OrderService: simulated crash while shipping {orderId}; run the sample again to resume it.");
        }

        if (Down)
        {
            throw new HttpRequestException("shipping: 500 Internal Server Error");
        }

        var tracking = $"TRK-{orderId[^4..].ToUpperInvariant()}";
        journal.Add($"shipping: created shipment {tracking} for {orderId}");
        return Task.FromResult(tracking);
    }
}
