using PatternsGen.Resilience;

namespace PatternsGen.Hosting.Http;

/// <summary>
/// How a resilient <c>HttpClient</c> (<c>AddPatternsGenResilience</c>)
/// treats its calls. What is retried and counted by the breaker: a 5xx, 408 or 429 response, an
/// <see cref="HttpRequestException"/>, and an attempt that timed out; never the caller's own cancellation.
/// </summary>
public sealed class HttpResilienceOptions
{
    /// <summary>Bounds each attempt. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bounds the whole call, retries and their waits included; none by default, when the client's own <c>Timeout</c> (100 s) does.</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>
    /// The retry: by default 5 attempts, waits from 1 s doubling to 60 s with jitter. A 429 or 503 response's
    /// <c>Retry-After</c> is honoured when it asks for longer (up to <see cref="RetryOptions.MaxDelay"/>).
    /// <see cref="RetryOptions.ShouldRetry"/> and <see cref="RetryOptions.RetryAfter"/> are set by the client.
    /// </summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The settings of each authority's breaker (host and port: one slow backend does not open the circuit of
    /// another): by default 5 consecutive failures open it for 30 s, 3 successful trials close it.
    /// <see cref="CircuitBreakerOptions.Name"/> is set per authority.
    /// </summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();
}
