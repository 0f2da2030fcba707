namespace PatternsGen.Resilience;

/// <summary>Thrown instead of making a call while the circuit is open. The call was not made.</summary>
public sealed class CircuitBreakerOpenException : Exception
{
    /// <summary>Creates the exception for the breaker <paramref name="name"/>.</summary>
    /// <param name="name">The breaker's name.</param>
    /// <param name="retryAfter">Time until a trial call may be admitted; <see cref="Timeout.InfiniteTimeSpan"/> when isolated.</param>
    /// <param name="isIsolated">True when the circuit was opened by hand and stays open until reset.</param>
    public CircuitBreakerOpenException(string name, TimeSpan retryAfter, bool isIsolated)
        : base(isIsolated
            ? $"The circuit '{name}' is isolated: calls are rejected until it is reset."
            : $"The circuit '{name}' is open: calls are rejected for another {retryAfter.TotalMilliseconds:0} ms.")
    {
        Name = name;
        RetryAfter = retryAfter;
        IsIsolated = isIsolated;
    }

    /// <summary>The breaker's name.</summary>
    public string Name { get; }

    /// <summary>Time until a trial call may be admitted; <see cref="Timeout.InfiniteTimeSpan"/> when isolated.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>True when the circuit was opened by <see cref="CircuitBreaker.Isolate"/>.</summary>
    public bool IsIsolated { get; }
}
