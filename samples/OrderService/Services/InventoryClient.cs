namespace OrderService.Services;

/// <summary>Stands in for the inventory service's HTTP client: reserves stock, failing now and then as the network does.</summary>
public sealed class InventoryClient(FaultInjector faults)
{
    public ValueTask<bool> ReserveAsync(string productId, int quantity, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        faults.MaybeFail("inventory", $"POST /reservations {productId}");
        return new ValueTask<bool>(quantity <= 100);
    }
}
