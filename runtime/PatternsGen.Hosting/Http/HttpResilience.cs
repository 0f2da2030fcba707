using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using PatternsGen.Resilience;

namespace PatternsGen.Hosting.Http;

/// <summary>
/// One resilient client's strategies, kept for the life of the host (the client factory renews message handlers,
/// not this): the retry, and per authority a pipeline of total timeout → retry → that authority's breaker →
/// attempt timeout.
/// </summary>
internal sealed class HttpResilience
{
    private readonly string _client;
    private readonly HttpResilienceOptions _options;
    private readonly CircuitBreakerRegistry _breakers;
    private readonly TimeProvider _clock;
    private readonly ILogger? _logger;
    private readonly RetryPolicy _retry;
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public HttpResilience(string client, HttpResilienceOptions options, CircuitBreakerRegistry breakers, TimeProvider clock, ILogger? logger)
    {
        (_client, _options, _breakers, _clock, _logger) = (client, options, breakers, clock, logger);
        // The options are this client's own (made by AddPatternsGenResilience): what decides a retry is set here.
        var retry = options.Retry;
        var onRetry = retry.OnRetry;
        retry.Name = client;
        retry.TimeProvider = clock;
        retry.Logger ??= logger;
        retry.ShouldRetry = static error => error is TransientHttpResponseException or HttpRequestException or ResilienceTimeoutException or CircuitBreakerOpenException;
        retry.RetryAfter = static error => (error as TransientHttpResponseException)?.RetryAfter;
        retry.OnRetry = attempt =>
        {
            (attempt.Error as TransientHttpResponseException)?.Response.Dispose(); // a response nobody will read
            onRetry?.Invoke(attempt);
        };
        _retry = new RetryPolicy(retry);
    }

    /// <summary>The pipeline for calls to <paramref name="authority"/> (host:port).</summary>
    public ResiliencePipeline For(string authority) =>
        _pipelines.TryGetValue(authority, out var pipeline) ? pipeline : _pipelines.GetOrAdd(authority, Create);

    /// <summary>5xx, 408 Request Timeout and 429 Too Many Requests: worth another attempt, and a sign the backend struggles.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>What a response's <c>Retry-After</c> asks for, as a delay or a date; null when absent or in the past.</summary>
    public TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date - _clock.GetUtcNow() is var wait && wait > TimeSpan.Zero => wait,
        _ => null,
    };

    private ResiliencePipeline Create(string authority)
    {
        var template = _options.CircuitBreaker;
        var name = _client + ":" + authority;
        var breaker = _breakers.GetOrAdd(name, n => new CircuitBreaker(new CircuitBreakerOptions
        {
            Name = n,
            FailureThreshold = template.FailureThreshold,
            SuccessThreshold = template.SuccessThreshold,
            BreakDuration = template.BreakDuration,
            HalfOpenMaxTrials = template.HalfOpenMaxTrials,
            ShouldHandle = template.ShouldHandle,
            OnStateChanged = template.OnStateChanged,
            TimeProvider = _clock,
            Logger = template.Logger ?? _logger,
        }));
        var builder = new ResiliencePipelineBuilder { Name = name, TimeProvider = _clock };
        if (_options.TotalTimeout is { } total)
        {
            builder.AddTimeout(total);
        }

        return builder.Add(_retry).Add(breaker).AddTimeout(_options.AttemptTimeout).Build();
    }
}

/// <summary>A response worth retrying, carried through the strategies as a failure; the caller gets the last one back.</summary>
internal sealed class TransientHttpResponseException(HttpResponseMessage response, TimeSpan? retryAfter)
    : Exception($"The server answered {(int)response.StatusCode} ({response.ReasonPhrase}).")
{
    public HttpResponseMessage Response { get; } = response;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
