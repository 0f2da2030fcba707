namespace PatternsGen.Resilience;

/// <summary>
/// Which failures are retried and the delay before each retry, as <see cref="RetryOptions"/> describes them: for
/// <see cref="RetryPolicy"/>, and for a broker transport whose retries wait in the broker. Pure functions: tests pin them.
/// </summary>
internal static class Backoff
{
    /// <summary>Whether failed attempt <paramref name="attempt"/> (1-based) gets another; cancellation is the caller's to check.</summary>
    public static bool Retries(RetryOptions options, Exception error, int attempt) =>
        attempt < options.MaxAttempts
        && error is not CircuitBreakerOpenException { IsIsolated: true }
        && (options.ShouldRetry?.Invoke(error) ?? true);

    /// <summary>
    /// The delay after failed attempt <paramref name="attempt"/>: <see cref="Next"/>, lengthened to what the failure asks
    /// for (an open circuit until its trial, else <see cref="RetryOptions.RetryAfter"/>), never beyond the cap.
    /// </summary>
    public static TimeSpan After(RetryOptions options, int attempt, Exception error, ref TimeSpan previous)
    {
        var delay = Next(options, attempt, ref previous, (options.Random ?? Random.Shared).NextDouble());
        var asked = error is CircuitBreakerOpenException { RetryAfter: var untilTrial } ? untilTrial : options.RetryAfter?.Invoke(error);
        return asked is { } wait && wait > delay ? (wait < options.MaxDelay ? wait : options.MaxDelay) : delay;
    }

    /// <summary>
    /// The delay after failed attempt <paramref name="attempt"/> (1-based). <paramref name="previous"/>
    /// carries decorrelated jitter's state between calls; start it at <see cref="TimeSpan.Zero"/>.
    /// <paramref name="random"/> is uniform in [0, 1).
    /// </summary>
    public static TimeSpan Next(RetryOptions options, int attempt, ref TimeSpan previous, double random)
    {
        var exponential = Exponential(options.InitialDelay, options.MaxDelay, attempt);
        if (!options.Jitter)
        {
            return previous = exponential;
        }

        if (options.JitterMode == RetryJitterMode.Full)
        {
            return previous = TimeSpan.FromTicks((long)(exponential.Ticks * random));
        }

        // Decorrelated: between the initial delay and three times the last one, never above the cap.
        var low = options.InitialDelay.Ticks;
        var high = Math.Max(low, previous == TimeSpan.Zero ? low : Math.Min(options.MaxDelay.Ticks, previous.Ticks * 3));
        return previous = TimeSpan.FromTicks(Math.Min(options.MaxDelay.Ticks, low + (long)((high - low) * random)));
    }

    /// <summary><paramref name="initial"/> × 2^(attempt − 1), capped at <paramref name="max"/> without overflowing.</summary>
    public static TimeSpan Exponential(TimeSpan initial, TimeSpan max, int attempt)
    {
        var ticks = initial.Ticks;
        for (var i = 1; i < attempt && ticks < max.Ticks; i++)
        {
            ticks = ticks > long.MaxValue / 2 ? long.MaxValue : ticks * 2;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, max.Ticks));
    }
}
