namespace PatternsGen.Resilience;

/// <summary>The state of a <see cref="CircuitBreaker"/>.</summary>
public enum CircuitState
{
    /// <summary>Calls go through; consecutive handled failures are counted.</summary>
    Closed,

    /// <summary>Calls are rejected without being made, until the break duration has passed (or, when isolated, until <see cref="CircuitBreaker.Reset"/>).</summary>
    Open,

    /// <summary>A limited number of trial calls go through; enough successes close the circuit, any failure opens it again.</summary>
    HalfOpen,
}

/// <summary>One transition of a <see cref="CircuitBreaker"/>, given to <see cref="CircuitBreakerOptions.OnStateChanged"/>.</summary>
/// <param name="Name">The breaker's <see cref="CircuitBreakerOptions.Name"/>.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="IsManual">True when <see cref="CircuitBreaker.Isolate"/> or <see cref="CircuitBreaker.Reset"/> caused it.</param>
public readonly record struct CircuitStateChange(string Name, CircuitState From, CircuitState To, bool IsManual);
