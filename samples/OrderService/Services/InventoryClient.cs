namespace OrderService.Services;

/// <summary>
/// Stands in for the inventory service's HTTP client. Every <c>failEvery</c>-th call fails the way a
/// busy service does (a transient error), so the sample shows its resilience pipeline at work.
/// </summary>
public sealed class InventoryClient(int failEvery)
{
    private int _calls;

    public int Calls => _calls;

    public ValueTask<bool> ReserveAsync(string productId, int quantity, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var call = Interlocked.Increment(ref _calls);
        if (failEvery > 0 && call % failEvery == 0)
        {
            return ValueTask.FromException<bool>(new HttpRequestException($"inventory: 503 Service Unavailable (call {call})"));
        }

        return new ValueTask<bool>(quantity <= 100);
    }
}
