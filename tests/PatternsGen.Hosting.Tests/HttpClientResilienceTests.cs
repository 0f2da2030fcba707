using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatternsGen.Resilience;
using PatternsGen.Runtime.Tests.Resilience;

namespace PatternsGen.Hosting.Tests;

/// <remarks>
/// Real requests run on real time and the strategies wait on a fake clock, so the clock moves only by exactly the wait
/// that has begun (<see cref="WatchedClock"/>): moving it on while a request is in flight would time the request out.
/// </remarks>
public sealed class HttpClientResilienceTests
{
    private readonly WatchedClock _clock = new();
    private readonly Retries _retries = new();

    private ServiceProvider Services(Action<Hosting.Http.HttpResilienceOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddHttpClient("users").AddPatternsGenResilience(o =>
        {
            o.Retry.Jitter = false;
            o.Retry.OnRetry = _retries.Add;
            configure?.Invoke(o);
        });
        services.AddHealthChecks().AddPatternsGen();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_503_with_Retry_After_is_retried_no_sooner_than_the_server_asked()
    {
        DateTimeOffset? secondAt = null;
        await using var server = await LoopbackServer.StartAsync((n, context) =>
        {
            if (n == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "5";
                return Task.CompletedTask;
            }

            secondAt = _clock.GetUtcNow();
            return context.Response.WriteAsync("ok");
        });
        await using var services = Services(o => o.Retry.InitialDelay = TimeSpan.FromSeconds(1));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("users");

        var call = client.GetStringAsync(server.Address);
        await _clock.AdvanceThroughAsync(TimeSpan.FromSeconds(5)); // never reached if the retry waited the backoff's 1 s

        Assert.Equal("ok", await call);
        Assert.Equal(TimeSpan.FromSeconds(5), _retries[0].Delay); // the backoff alone asked for 1 s
        Assert.True(secondAt >= _clock.Start + TimeSpan.FromSeconds(5), $"retried at {secondAt - _clock.Start}");
    }

    [Fact]
    public async Task Out_of_attempts_the_caller_gets_the_last_response_as_without_the_handler()
    {
        await using var server = await LoopbackServer.StartAsync(static (_, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var services = Services(o => o.Retry.MaxAttempts = 3);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("users");

        var call = client.GetAsync(server.Address);
        await _clock.AdvanceThroughAsync(TimeSpan.FromSeconds(1));
        await _clock.AdvanceThroughAsync(TimeSpan.FromSeconds(2));

        using var response = await call;
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, server.Requests);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _retries.Delays);
    }

    [Fact]
    public async Task Each_authority_has_its_own_breaker_and_health_names_the_open_one()
    {
        await using var failing = await LoopbackServer.StartAsync(static (_, context) =>
        {
            context.Response.StatusCode = 502;
            return Task.CompletedTask;
        });
        await using var healthy = await LoopbackServer.StartAsync(static (_, context) => context.Response.WriteAsync("fine"));
        await using var services = Services(o =>
        {
            o.Retry.MaxAttempts = 1;
            o.CircuitBreaker.FailureThreshold = 2;
        });
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("users");

        (await client.GetAsync(failing.Address)).Dispose();
        (await client.GetAsync(failing.Address)).Dispose();
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => client.GetAsync(failing.Address));
        Assert.Equal(2, failing.Requests); // the open circuit kept the third call at home

        Assert.Equal("fine", await client.GetStringAsync(healthy.Address));

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var circuits = report.Entries["patternsgen-circuits"];
        Assert.Equal(HealthStatus.Degraded, circuits.Status);
        Assert.Contains("users:" + failing.Address.Authority, circuits.Description);
        Assert.DoesNotContain(healthy.Address.Authority, circuits.Description);
    }

    [Fact]
    public async Task A_hung_attempt_times_out_and_is_retried_and_the_callers_cancellation_is_not()
    {
        await using var server = await LoopbackServer.StartAsync(static async (n, context) =>
        {
            if (n % 2 == 1)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(static _ => { }); // until the client gives up
                return;
            }

            await context.Response.WriteAsync("second");
        });
        await using var services = Services(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("users");

        var call = client.GetStringAsync(server.Address);
        await server.WhenRequestsAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(2));                     // the first attempt's time runs out
        await _clock.AdvanceThroughAsync(TimeSpan.FromSeconds(1));   // the backoff before the second
        Assert.Equal("second", await call);
        Assert.IsType<ResilienceTimeoutException>(_retries[0].Error);

        using var cancel = new CancellationTokenSource();
        var cancelled = client.GetStringAsync(server.Address, cancel.Token);
        await server.WhenRequestsAsync(3);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Single(_retries.Delays); // the caller's own cancellation is neither a timeout nor retried
    }
}

/// <summary>The retries a client scheduled, in order.</summary>
internal sealed class Retries
{
    private readonly List<RetryAttempt> _attempts = [];

    public RetryAttempt this[int index]
    {
        get
        {
            lock (_attempts)
            {
                return _attempts[index];
            }
        }
    }

    public TimeSpan[] Delays
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts.Select(static a => a.Delay)];
            }
        }
    }

    public void Add(RetryAttempt attempt)
    {
        lock (_attempts)
        {
            _attempts.Add(attempt);
        }
    }
}
