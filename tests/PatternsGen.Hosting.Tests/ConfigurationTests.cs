using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PatternsGen.Messaging;
using PatternsGen.EventSourcing;
using PatternsGen.Hosting.Http;

namespace PatternsGen.Hosting.Tests;

public sealed class ConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(static v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void A_clients_resilience_is_read_from_its_section_and_code_runs_after()
    {
        var config = Config(
            ("PatternsGen:Http:payments:AttemptTimeout", "00:00:02"),
            ("PatternsGen:Http:payments:Retry:MaxAttempts", "3"),
            ("PatternsGen:Http:payments:Retry:Jitter", "false"),
            ("PatternsGen:Http:payments:CircuitBreaker:BreakDuration", "00:00:10"),
            ("PatternsGen:Http:payments:CircuitBreaker:FailureThreshold", "7"));
        HttpResilienceOptions? seen = null;

        new ServiceCollection().AddHttpClient("payments").AddPatternsGenResilience(config.GetSection("PatternsGen:Http:payments"), o =>
        {
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(200);
            seen = o;
        });

        Assert.NotNull(seen);
        Assert.Equal(TimeSpan.FromSeconds(2), seen.AttemptTimeout);
        Assert.Null(seen.TotalTimeout); // absent: left as it was
        Assert.Equal((3, false, TimeSpan.FromMilliseconds(200)), (seen.Retry.MaxAttempts, seen.Retry.Jitter, seen.Retry.InitialDelay));
        Assert.Equal((7, TimeSpan.FromSeconds(10)), (seen.CircuitBreaker.FailureThreshold, seen.CircuitBreaker.BreakDuration));
    }

    [Fact]
    public void A_value_that_does_not_parse_fails_at_startup_naming_its_key_and_value()
    {
        var config = Config(("PatternsGen:Http:payments:Retry:MaxAttempts", "three"), ("PatternsGen:Publisher:PollInterval", "soon"));

        var http = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddHttpClient("payments").AddPatternsGenResilience(config.GetSection("PatternsGen:Http:payments")));
        Assert.Equal("Configuration 'PatternsGen:Http:payments:Retry:MaxAttempts' is 'three', which is not a whole number.", http.Message);

        var publisher = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddPatternsGenHosting().AddEventStorePublisher(config.GetSection("PatternsGen:Publisher")));
        Assert.Equal("Configuration 'PatternsGen:Publisher:PollInterval' is 'soon', which is not a time span such as 00:00:05.", publisher.Message);
    }

    [Fact]
    public async Task Projection_and_health_settings_from_configuration_take_effect()
    {
        var config = Config(("PatternsGen:Projections:Retry:MaxAttempts", "1"), ("PatternsGen:Health:ProjectionLagThreshold", "2"));
        var parked = new InMemoryDeadLetterQueue();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider()); // retries would wait forever: only one attempt is configured
        builder.Services.AddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        builder.Services.AddSingleton<IDeadLetterQueue>(parked);
        builder.Services.AddPatternsGenHosting()
            .UseEventStore(_ => new InMemoryEventStore())
            .AddProjection<FailingView>()
            .ConfigureProjections(config.GetSection("PatternsGen:Projections"));
        builder.Services.AddHealthChecks().AddPatternsGen(config.GetSection("PatternsGen:Health"));
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("order-1", ExpectedVersion.NoStream, [new OrderPlaced("order-1", 1m)]);
        await store.AppendAsync("order-2", ExpectedVersion.NoStream, [new OrderPlaced("order-2", 1m)]);

        var lagging = (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["patternsgen-projections"];
        Assert.Equal(HealthStatus.Degraded, lagging.Status); // 2 events behind: the configured threshold, not the default 1,000

        await host.StartAsync();
        await Eventually.Until(() => parked.ListAsync().AsTask().Result.Count == 2);
        await host.StopAsync();
    }
}
