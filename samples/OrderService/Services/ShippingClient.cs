namespace OrderService.Services;

/// <summary>Stands in for the shipping service. <see cref="Down"/> makes it refuse every shipment.</summary>
public sealed class ShippingClient(List<string> journal)
{
    public bool Down { get; set; }

    public Task<string> CreateShipmentAsync(string orderId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (Down)
        {
            throw new HttpRequestException("shipping: 500 Internal Server Error");
        }

        var tracking = $"TRK-{orderId[^4..].ToUpperInvariant()}";
        journal.Add($"shipping: created shipment {tracking} for {orderId}");
        return Task.FromResult(tracking);
    }
}
