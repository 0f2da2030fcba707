using Microsoft.Extensions.Logging;

namespace PatternsGen.Resilience;

/// <summary>
/// Settings of a <see cref="CircuitBreaker"/>. The defaults: open after 5 consecutive
/// failures, stay open 30 seconds, close after 3 successful trials.
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Consecutive handled failures, in the closed state, that open the circuit. Default 5.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>Consecutive successful trials, in the half-open state, that close the circuit. Default 3.</summary>
    public int SuccessThreshold { get; set; } = 3;

    /// <summary>How long the circuit stays open before it admits a trial call. Default 30 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock; tests pass a <c>FakeTimeProvider</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many trial calls may run at once in the half-open state; the rest are rejected as if open. Default 1.</summary>
    public int HalfOpenMaxTrials { get; set; } = 1;

    /// <summary>
    /// Which exceptions count as failures of the dependency. Default: all. Whatever this says, an
    /// <see cref="OperationCanceledException"/> raised because the caller's own token was cancelled
    /// never counts: the caller gave up, the dependency did not fail.
    /// </summary>
    public Func<Exception, bool>? ShouldHandle { get; set; }

    /// <summary>Called after each state transition, outside the breaker's lock. Keep it quick; it must not throw.</summary>
    public Action<CircuitStateChange>? OnStateChanged { get; set; }

    /// <summary>The guarded service, as it appears in metrics, activity events and logs. Default <c>"default"</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>Where state changes (Warning) and rejections (Debug) are logged; none by default.</summary>
    public ILogger? Logger { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FailureThreshold, 1, nameof(FailureThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(SuccessThreshold, 1, nameof(SuccessThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(HalfOpenMaxTrials, 1, nameof(HalfOpenMaxTrials));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BreakDuration, TimeSpan.Zero, nameof(BreakDuration));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Name, nameof(Name));
    }
}
