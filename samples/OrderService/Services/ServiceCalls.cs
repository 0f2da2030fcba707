using OrderService.Modules;
using PatternsGen.Resilience;

namespace OrderService.Services;

/// <summary>What one guarded service went through in a run.</summary>
public sealed class ServiceStats(string name)
{
    private int _calls, _retries, _trips, _failed;

    public string Name { get; } = name;

    public int Calls => _calls;

    public int Retries => _retries;

    /// <summary>Times the circuit opened.</summary>
    public int Trips => _trips;

    /// <summary>Calls that failed after every retry (or were refused by the open circuit).</summary>
    public int Failed => _failed;

    internal void Called() => Interlocked.Increment(ref _calls);

    internal void Retried() => Interlocked.Increment(ref _retries);

    internal void Tripped() => Interlocked.Increment(ref _trips);

    internal void GaveUp() => Interlocked.Increment(ref _failed);
}

/// <summary>
/// The synchronous calls of the order service to the user, product and inventory services, each guarded the
/// same way: bulkhead → total timeout → retry → circuit breaker → attempt timeout (docs/resilience.md).
/// Short delays so the sample finishes quickly; the runtime's defaults are 1 s doubling to 60 s and a 30 s break.
/// </summary>
public sealed class ServiceCalls
{
    private readonly UserService _users;
    private readonly ProductService _products;
    private readonly InventoryClient _inventory;
    private readonly ResiliencePipeline _usersPipeline, _productsPipeline, _inventoryPipeline;

    public ServiceCalls(UserService users, ProductService products, InventoryClient inventory, TimeProvider? time = null)
    {
        _users = users;
        _products = products;
        _inventory = inventory;
        _usersPipeline = Pipeline(Users, time);
        _productsPipeline = Pipeline(Products, time);
        _inventoryPipeline = Pipeline(Inventory, time);
    }

    public ServiceStats Users { get; } = new("users");

    public ServiceStats Products { get; } = new("products");

    public ServiceStats Inventory { get; } = new("inventory");

    public IEnumerable<ServiceStats> All => [Users, Products, Inventory];

    public ValueTask<User?> GetUserAsync(string id, CancellationToken ct) =>
        CallAsync(_usersPipeline, Users, static (s, token) => s._users.GetUserAsync(s.Id, token), (_users, Id: id), ct);

    public ValueTask<Product?> GetProductAsync(string id, CancellationToken ct) =>
        CallAsync(_productsPipeline, Products, static (s, token) => s._products.GetProductAsync(s.Id, token), (_products, Id: id), ct);

    public ValueTask<bool> ReserveAsync(string productId, int quantity, CancellationToken ct) =>
        CallAsync(_inventoryPipeline, Inventory, static (s, token) => s._inventory.ReserveAsync(s.ProductId, s.Quantity, token), (_inventory, ProductId: productId, Quantity: quantity), ct);

    private static async ValueTask<T> CallAsync<TState, T>(
        ResiliencePipeline pipeline, ServiceStats stats, Func<TState, CancellationToken, ValueTask<T>> call, TState state, CancellationToken ct)
    {
        stats.Called();
        try
        {
            return await pipeline.ExecuteAsync(call, state, ct);
        }
        catch (Exception error) when (error is HttpRequestException or CircuitBreakerOpenException or ResilienceTimeoutException)
        {
            stats.GaveUp();
            throw;
        }
    }

    private static ResiliencePipeline Pipeline(ServiceStats stats, TimeProvider? time) => new(new ResiliencePipelineOptions
    {
        Name = stats.Name,
        Bulkhead = new Bulkhead(maxConcurrency: 16, maxQueue: 64, stats.Name),
        TotalTimeout = TimeSpan.FromSeconds(10),
        Retry = new RetryPolicy(new RetryOptions
        {
            Name = stats.Name,
            MaxAttempts = 3,
            InitialDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(80),
            TimeProvider = time ?? TimeProvider.System,
            OnRetry = _ => stats.Retried(),
        }),
        CircuitBreaker = new CircuitBreaker(new CircuitBreakerOptions
        {
            Name = stats.Name,
            FailureThreshold = 3,
            BreakDuration = TimeSpan.FromMilliseconds(250),
            SuccessThreshold = 1,
            TimeProvider = time ?? TimeProvider.System,
            OnStateChanged = change =>
            {
                if (change.To == CircuitState.Open)
                {
                    stats.Tripped();
                }
            },
        }),
        AttemptTimeout = TimeSpan.FromSeconds(2),
    });
}
