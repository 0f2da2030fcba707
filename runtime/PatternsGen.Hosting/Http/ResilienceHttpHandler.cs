namespace PatternsGen.Hosting.Http;

/// <summary>
/// The message handler a resilient client sends through. Each attempt goes to the inner handler with the same
/// request; a transient response is a failure to the strategies, and once attempts run out the caller receives that
/// last response, as it would without the handler. Other failures reach the caller as exceptions:
/// <see cref="HttpRequestException"/>, <see cref="PatternsGen.Resilience.ResilienceTimeoutException"/>,
/// <see cref="PatternsGen.Resilience.CircuitBreakerOpenException"/>.
/// </summary>
internal sealed class ResilienceHttpHandler(HttpResilience resilience) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri, so its authority's circuit breaker cannot be chosen; set the client's BaseAddress or an absolute URI.");
        try
        {
            return await resilience.For(uri.IsAbsoluteUri ? uri.Authority : "").ExecuteAsync(
                static (s, ct) => new ValueTask<HttpResponseMessage>(s.Handler.AttemptAsync(s.Request, ct)),
                (Handler: this, Request: request),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TransientHttpResponseException last)
        {
            return last.Response;
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct).ConfigureAwait(false);
        return HttpResilience.IsTransient(response.StatusCode)
            ? throw new TransientHttpResponseException(response, resilience.RetryAfterOf(response))
            : response;
    }
}
