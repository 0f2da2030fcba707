using Microsoft.Extensions.Time.Testing;
using PatternsGen.Resilience;
using PatternsGen.Runtime.Tests.Resilience;
using PatternsGen.Sagas;

namespace PatternsGen.Runtime.Tests.Sagas;

/// <summary>Retries and waits on its Clock: tests advance a FakeTimeProvider, nothing really sleeps.</summary>
[Saga]
public partial class FlakySaga
{
    public required TimeProvider Clock { get; init; }

    public int ReserveFailures { get; set; }

    public int ReleaseFailures { get; set; }

    public bool ShipHangs { get; init; }

    public int ReserveCalls { get; private set; }

    public int ReleaseCalls { get; private set; }

    [SagaStep(1, Compensate = nameof(Release), MaxAttempts = 3, RetryDelayMilliseconds = 1000, CompensationAttempts = 3)]
    public Task<int> Reserve(TripContext context, CancellationToken ct)
    {
        ReserveCalls++;
        return ReserveCalls <= ReserveFailures ? Task.FromException<int>(new InvalidOperationException("busy")) : Task.FromResult(7);
    }

    public Task Release(TripContext context, int reservation, CancellationToken ct)
    {
        ReleaseCalls++;
        if (ReleaseCalls <= ReleaseFailures)
        {
            return Task.FromException(new TimeoutException("inventory slow"));
        }

        context.Log.Add("released " + reservation);
        return Task.CompletedTask;
    }

    [SagaStep(2, Pivot = true, TimeoutMilliseconds = 5000)]
    public async ValueTask Ship(TripContext context, CancellationToken ct)
    {
        if (ShipHangs)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, Clock, ct);
        }
    }
}

public sealed class SagaPolicyTests
{
    [Fact]
    public async Task A_step_is_retried_with_backoff_on_the_sagas_clock_until_it_succeeds()
    {
        var clock = new FakeTimeProvider();
        var saga = new FlakySaga { Clock = clock, ReserveFailures = 2 };

        var run = saga.ExecuteAsync(new TripContext());
        Assert.False(run.IsCompleted); // waiting for its first retry delay, on the fake clock
        await clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));

        await run;
        Assert.Equal(3, saga.ReserveCalls);
    }

    [Fact]
    public async Task A_step_timeout_fails_the_attempt_and_a_compensation_is_retried_until_it_succeeds()
    {
        var clock = new FakeTimeProvider();
        var context = new TripContext();
        var saga = new FlakySaga { Clock = clock, ShipHangs = true, ReleaseFailures = 2 };

        var run = saga.ExecuteAsync(context);
        await clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => run);
        Assert.Equal("Ship", error.StepName);
        Assert.IsType<ResilienceTimeoutException>(error.InnerException);
        Assert.Empty(error.CompensationFailures);
        Assert.Equal(3, saga.ReleaseCalls);
        Assert.Equal(["released 7"], context.Log);
    }

    [Fact]
    public async Task A_compensation_that_fails_every_attempt_is_reported_never_lost()
    {
        var clock = new FakeTimeProvider();
        var saga = new FlakySaga { Clock = clock, ShipHangs = true, ReleaseFailures = 10 };

        var run = saga.ExecuteAsync(new TripContext());
        await clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => run);
        var failure = Assert.Single(error.CompensationFailures);
        Assert.Equal("Release", failure.CompensationName);
        Assert.Equal(3, saga.ReleaseCalls);
    }
}
