using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PatternsGen.Diagnostics;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

[Collection(ListenerCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_state_change_is_counted_added_to_the_current_activity_and_logged_with_the_seeds_fields()
    {
        var logger = new FakeLogger();
        var service = "users-" + Guid.NewGuid().ToString("N"); // other tests may report at the same time
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PatternsGenDiagnostics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("patternsgen.service"), service))
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, map));
                }
            }
        });
        meters.Start();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "test" or PatternsGenDiagnostics.Name, // events need a listener on PatternsGen
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activities);
        using var source = new ActivitySource("test");
        using var activity = source.StartActivity("place order")!;
        activity.SetBaggage("correlation_id", "order-17");

        var breaker = new CircuitBreaker(new CircuitBreakerOptions
        {
            Name = service, FailureThreshold = 1, TimeProvider = new FakeTimeProvider(), Logger = logger,
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => breaker.ExecuteAsync(Calls.Fail).AsTask());
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => breaker.ExecuteAsync(Calls.Succeed).AsTask());

        Assert.Contains(measurements, m => m.Instrument == "patternsgen.circuit_breaker.state_changes" && Equals(m.Tags["patternsgen.circuit_breaker.to"], "open"));
        Assert.Contains(measurements, m => m.Instrument == "patternsgen.resilience.rejections" && Equals(m.Tags["patternsgen.pattern"], "circuit_breaker"));
        Assert.Contains(activity.Events, e => e.Name == "patternsgen.circuit_breaker.state_changed");
        var log = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("pattern=circuit_breaker", log.Message);
        Assert.Contains("correlation_id=order-17", log.Message);
        Assert.Contains(service, log.Message);
    }

    [Fact]
    public async Task A_retry_logs_the_attempt_and_its_delay()
    {
        var logger = new FakeLogger();
        var clock = new FakeTimeProvider();
        var retry = new RetryPolicy(new RetryOptions { Name = "payments", MaxAttempts = 2, Jitter = false, TimeProvider = clock, Logger = logger });
        var calls = new Calls();

        var run = retry.ExecuteAsync(_ => { calls.Record(); return Calls.Fail(default); }).AsTask();
        await clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));

        await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        var records = logger.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.Contains("retrying in 1000 ms", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Message.Contains("failed after 2 attempts", StringComparison.Ordinal));
    }
}
