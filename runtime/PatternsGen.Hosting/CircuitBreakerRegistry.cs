using System.Collections.Concurrent;
using PatternsGen.Resilience;

namespace PatternsGen.Hosting;

/// <summary>
/// The circuit breakers a host made, by name: one per authority of each resilient <c>HttpClient</c>
/// (<c>"users:users.internal:443"</c>). They outlive the clients' message handlers, which the client factory
/// replaces every few minutes; the health check reports the open ones.
/// </summary>
public sealed class CircuitBreakerRegistry
{
    private readonly ConcurrentDictionary<string, CircuitBreaker> _breakers = new(StringComparer.Ordinal);

    /// <summary>Every breaker made so far.</summary>
    public IReadOnlyCollection<CircuitBreaker> All => [.. _breakers.Values];

    /// <summary>The breaker called <paramref name="name"/>, made by <paramref name="create"/> the first time.</summary>
    public CircuitBreaker GetOrAdd(string name, Func<string, CircuitBreaker> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(create);
        return _breakers.GetOrAdd(name, create);
    }
}
