using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatternsGen.Hosting;
using PatternsGen.Hosting.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts PatternsGen's resilience on clients of the HttpClient factory.</summary>
public static class PatternsGenHttpClientBuilderExtensions
{
    /// <summary>
    /// The same, with the settings read from <paramref name="section"/>, e.g.
    /// <c>builder.Configuration.GetSection("PatternsGen:Http:payments")</c>: <c>AttemptTimeout</c>, <c>TotalTimeout</c>,
    /// <c>Retry:MaxAttempts</c>, <c>Retry:InitialDelay</c>, <c>Retry:MaxDelay</c>, <c>Retry:Jitter</c>,
    /// <c>CircuitBreaker:FailureThreshold</c>, <c>CircuitBreaker:SuccessThreshold</c>, <c>CircuitBreaker:BreakDuration</c>,
    /// <c>CircuitBreaker:HalfOpenMaxTrials</c>; <paramref name="configure"/> runs after.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names its key.</exception>
    public static IHttpClientBuilder AddPatternsGenResilience(this IHttpClientBuilder builder, IConfiguration section, Action<HttpResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.AddPatternsGenResilience(options =>
        {
            section.Read(nameof(options.AttemptTimeout), v => options.AttemptTimeout = v);
            section.Read(nameof(options.TotalTimeout), v => options.TotalTimeout = v);
            section.GetSection(nameof(options.Retry)).ReadRetry(options.Retry);
            var breaker = section.GetSection(nameof(options.CircuitBreaker));
            breaker.Read(nameof(options.CircuitBreaker.FailureThreshold), v => options.CircuitBreaker.FailureThreshold = v);
            breaker.Read(nameof(options.CircuitBreaker.SuccessThreshold), v => options.CircuitBreaker.SuccessThreshold = v);
            breaker.Read(nameof(options.CircuitBreaker.BreakDuration), v => options.CircuitBreaker.BreakDuration = v);
            breaker.Read(nameof(options.CircuitBreaker.HalfOpenMaxTrials), v => options.CircuitBreaker.HalfOpenMaxTrials = v);
            configure?.Invoke(options);
        });
    }

    /// <summary>
    /// Sends the client's requests through a retry (honouring <c>Retry-After</c>), a circuit breaker per authority and
    /// timeouts (<see cref="HttpResilienceOptions"/>), with PatternsGen's metrics, activity events and logs under the
    /// client's name. Add it once per client, last among its handlers' resilience.
    /// </summary>
    /// <example><code>
    /// builder.Services.AddHttpClient&lt;UsersClient&gt;(c => c.BaseAddress = new Uri("http://users"))
    ///     .AddPatternsGenResilience(o => o.Retry.MaxAttempts = 3);
    /// </code></example>
    public static IHttpClientBuilder AddPatternsGenResilience(this IHttpClientBuilder builder, Action<HttpResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new HttpResilienceOptions();
        configure?.Invoke(options);
        ArgumentNullException.ThrowIfNull(options.Retry, nameof(options.Retry));
        ArgumentNullException.ThrowIfNull(options.CircuitBreaker, nameof(options.CircuitBreaker));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AttemptTimeout, TimeSpan.Zero, nameof(options.AttemptTimeout));

        var name = builder.Name;
        builder.Services.TryAddSingleton<CircuitBreakerRegistry>();
        builder.Services.AddKeyedSingleton(name, (sp, _) => new HttpResilience(
            name, options, sp.GetRequiredService<CircuitBreakerRegistry>(), sp.Clock(), sp.Logger("PatternsGen.Http")));
        return builder.AddHttpMessageHandler(sp => new ResilienceHttpHandler(sp.GetRequiredKeyedService<HttpResilience>(name)));
    }
}
