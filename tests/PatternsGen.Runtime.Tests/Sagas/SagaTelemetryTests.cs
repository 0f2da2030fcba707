using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PatternsGen.Diagnostics;
using PatternsGen.Sagas;

namespace PatternsGen.Runtime.Tests.Sagas;

/// <summary>A saga that keeps an ILogger: the generated orchestrator logs through it.</summary>
[Saga]
public partial class LoggedSaga
{
    public ILogger? Logger { get; init; }

    public bool FailShip { get; init; }

    public bool FailRefund { get; init; }

    [SagaStep(1, Compensate = nameof(Refund))]
    public Task<int> Charge(TripContext context, CancellationToken ct) => Task.FromResult(10);

    public Task Refund(TripContext context, int amount, CancellationToken ct) =>
        FailRefund ? throw new TimeoutException("payments down") : Task.CompletedTask;

    [SagaStep(2, Pivot = true)]
    public Task Ship(TripContext context, CancellationToken ct) =>
        FailShip ? throw new InvalidOperationException("no courier") : Task.CompletedTask;
}

[Collection(ListenerCollection.Name)]
public sealed class SagaTelemetryTests
{
    [Fact]
    public async Task A_saga_and_each_step_get_an_activity_with_the_seeds_fields_and_completion_is_logged()
    {
        var stopped = new List<Activity>();
        using var listener = Listen(stopped);
        using var source = new ActivitySource("saga-test");
        var logger = new FakeLogger();

        using (var parent = source.StartActivity("checkout")!)
        {
            parent.SetBaggage("correlation_id", "order-9");
            await new LoggedSaga { Logger = logger }.ExecuteAsync(new TripContext());
        }

        var mine = stopped.Where(static a => a.GetTagItem("correlation_id") as string == "order-9").ToList();
        Assert.Equal(["saga LoggedSaga/Charge", "saga LoggedSaga/Ship", "saga LoggedSaga"], mine.Select(static a => a.OperationName));
        var saga = mine[^1];
        Assert.Equal("completed", saga.GetTagItem("outcome"));
        Assert.IsType<double>(saga.GetTagItem("duration_ms"));
        Assert.Equal("Ship", mine[1].GetTagItem("patternsgen.saga.step"));
        var log = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.StartsWith("Saga LoggedSaga completed (pattern=saga, correlation_id=order-9, duration_ms=", log.Message, StringComparison.Ordinal);
        Assert.Equal(("saga", "LoggedSaga", "order-9"), (log.GetStructuredStateValue("Pattern"), log.GetStructuredStateValue("Service"), log.GetStructuredStateValue("CorrelationId")));
    }

    [Fact]
    public async Task A_failed_compensation_is_logged_as_an_error_and_the_failure_marks_the_activities()
    {
        var stopped = new List<Activity>();
        using var listener = Listen(stopped);
        var logger = new FakeLogger();

        var error = await Assert.ThrowsAsync<SagaExecutionException>(
            () => new LoggedSaga { Logger = logger, FailShip = true, FailRefund = true }.ExecuteAsync(new TripContext()));

        Assert.Single(error.CompensationFailures);
        var logs = logger.Collector.GetSnapshot();
        Assert.Contains(logs, static l => l.Level == LogLevel.Error && l.Message.Contains("could not compensate step Charge: Refund failed", StringComparison.Ordinal));
        Assert.Contains(logs, static l => l.Level == LogLevel.Warning && l.Message.Contains("failed at step Ship: compensation_failed", StringComparison.Ordinal));
        lock (stopped)
        {
            var ship = stopped.Last(static a => a.OperationName == "saga LoggedSaga/Ship");
            var saga = stopped.Last(static a => a.OperationName == "saga LoggedSaga");
            Assert.Equal(ActivityStatusCode.Error, ship.Status);
            Assert.Equal(("compensation_failed", ActivityStatusCode.Error), (saga.GetTagItem("outcome"), saga.Status));
        }
    }

    private static ActivityListener Listen(List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = static s => s.Name is PatternsGenDiagnostics.Name or "saga-test",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (stopped)
                {
                    stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
