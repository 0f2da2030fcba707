using Microsoft.Extensions.Logging;

namespace PatternsGen.Resilience;

/// <summary>How retry delays are randomised when <see cref="RetryOptions.Jitter"/> is on.</summary>
public enum RetryJitterMode
{
    /// <summary>
    /// Each delay is drawn between <see cref="RetryOptions.InitialDelay"/> and three times the previous
    /// delay, capped at <see cref="RetryOptions.MaxDelay"/>: callers that failed together spread out
    /// quickly, and the delays still grow. The default.
    /// </summary>
    Decorrelated,

    /// <summary>Each delay is drawn between zero and the exponential delay.</summary>
    Full,
}

/// <summary>
/// Settings of a <see cref="RetryPolicy"/>. The defaults: 5 attempts,
/// exponential backoff from 1 second doubling to at most 60 seconds, with jitter.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in all, the first included. Default 5; 1 means no retry.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first retry; each further one doubles it. Default 1 second.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No delay is longer than this. Default 60 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Randomise delays so that callers that failed together do not retry together. Default on.</summary>
    public bool Jitter { get; set; } = true;

    /// <summary>How delays are randomised when <see cref="Jitter"/> is on. Default <see cref="RetryJitterMode.Decorrelated"/>.</summary>
    public RetryJitterMode JitterMode { get; set; } = RetryJitterMode.Decorrelated;

    /// <summary>The clock that delays run on; tests pass a <c>FakeTimeProvider</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The source of jitter. Default <see cref="System.Random.Shared"/>; a policy shared by threads needs a thread-safe one.</summary>
    public Random? Random { get; set; }

    /// <summary>
    /// Which exceptions are worth another attempt. Default: all. Whatever this says, nothing is retried
    /// once the caller's token is cancelled, and a call rejected by an isolated circuit is not retried.
    /// </summary>
    public Func<Exception, bool>? ShouldRetry { get; set; }

    /// <summary>
    /// The wait a failure asks for, such as a server's <c>Retry-After</c>; null when it asks for none. A wait longer than
    /// the backoff's delay replaces it, capped at <see cref="MaxDelay"/>. A rejection by an open circuit always asks
    /// for the rest of its break.
    /// </summary>
    public Func<Exception, TimeSpan?>? RetryAfter { get; set; }

    /// <summary>Called before each delay. Keep it quick; it must not throw.</summary>
    public Action<RetryAttempt>? OnRetry { get; set; }

    /// <summary>The called service, as it appears in metrics, activity events and logs. Default <c>"default"</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>Where retries (Information) and final failures (Warning) are logged; none by default.</summary>
    public ILogger? Logger { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialDelay, TimeSpan.Zero, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, InitialDelay, nameof(MaxDelay));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Name, nameof(Name));
    }
}

/// <summary>One retry about to happen, given to <see cref="RetryOptions.OnRetry"/>.</summary>
/// <param name="Name">The policy's name.</param>
/// <param name="Attempt">The attempt that failed (1 for the first).</param>
/// <param name="Delay">How long the policy waits before the next attempt.</param>
/// <param name="Error">What the failed attempt threw.</param>
public readonly record struct RetryAttempt(string Name, int Attempt, TimeSpan Delay, Exception Error);
