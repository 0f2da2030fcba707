using PatternsGen.Resilience;

namespace OrderService.Services;

/// <summary>
/// The synchronous calls OrderService makes to other services, each guarded the same way:
/// bulkhead → total timeout → retry → circuit breaker → attempt timeout (docs/resilience.md).
/// </summary>
public sealed class ServiceCalls
{
    public ServiceCalls(InventoryClient inventory)
    {
        Inventory = inventory;
        InventoryPipeline = new ResiliencePipeline(new ResiliencePipelineOptions
        {
            Name = "inventory",
            Bulkhead = new Bulkhead(maxConcurrency: 16, maxQueue: 64, "inventory"),
            TotalTimeout = TimeSpan.FromSeconds(10),
            // Short delays so the sample finishes quickly; the seed's defaults are 1 s doubling to 60 s.
            Retry = new RetryPolicy(new RetryOptions
            {
                Name = "inventory",
                InitialDelay = TimeSpan.FromMilliseconds(20),
                MaxDelay = TimeSpan.FromMilliseconds(200),
                OnRetry = _ => Interlocked.Increment(ref _retries),
            }),
            CircuitBreaker = new CircuitBreaker(new CircuitBreakerOptions { Name = "inventory" }),
            AttemptTimeout = TimeSpan.FromSeconds(2),
        });
    }

    private int _retries;

    public InventoryClient Inventory { get; }

    public ResiliencePipeline InventoryPipeline { get; }

    public int Retries => _retries;

    public ValueTask<bool> ReserveAsync(string productId, int quantity, CancellationToken ct = default) =>
        InventoryPipeline.ExecuteAsync(
            static (s, token) => s.Inventory.ReserveAsync(s.ProductId, s.Quantity, token),
            (Inventory, ProductId: productId, Quantity: quantity),
            ct);
}
