using PatternsGen.Sagas;

namespace PatternsGen.Runtime.Tests.Sagas;

public sealed class GeneratedSagaTests
{
    [Fact]
    public async Task Runs_every_step_in_order_when_nothing_fails()
    {
        var context = new TripContext();

        await new TravelSaga().ExecuteAsync(context);

        Assert.Equal(["BookFlight", "BookHotel", "ChargeCard", "Email"], context.Log);
    }

    [Fact]
    public async Task A_failure_compensates_the_completed_steps_newest_first_each_with_its_own_result()
    {
        var context = new TripContext { FailAt = "ChargeCard" };

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => new TravelSaga().ExecuteAsync(context));

        Assert.Equal(["BookFlight", "BookHotel", "CancelHotel 42", "CancelFlight PG123"], context.Log);
        Assert.Equal("ChargeCard", error.StepName);
        Assert.Equal("ChargeCard failed", error.InnerException!.Message);
        Assert.Empty(error.CompensationFailures);
        Assert.False(error.PastPivot);
    }

    [Fact]
    public async Task A_failing_compensation_is_reported_and_the_others_still_run()
    {
        var context = new TripContext { FailAt = "ChargeCard", FailCompensationOf = "CancelHotel" };

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => new TravelSaga().ExecuteAsync(context));

        Assert.Equal(["BookFlight", "BookHotel", "CancelFlight PG123"], context.Log);
        var failure = Assert.Single(error.CompensationFailures);
        Assert.Equal(("BookHotel", "CancelHotel"), (failure.StepName, failure.CompensationName));
        Assert.IsType<TimeoutException>(failure.Exception);
        Assert.Contains("CancelHotel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_forward_progress_and_compensations_get_a_token_that_is_not_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var context = new TripContext { CancelAfter = cts, CancelAfterStep = "BookHotel" };

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => new TravelSaga().ExecuteAsync(context, cts.Token));

        Assert.Equal("ChargeCard", error.StepName); // the step that did not start
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Equal(["BookFlight", "BookHotel", "CancelHotel 42", "CancelFlight PG123"], context.Log);
        Assert.Equal([false, false], context.CompensationTokensCancelled);
    }

    [Fact]
    public async Task A_failure_after_the_pivot_compensates_nothing()
    {
        var context = new TripContext { FailAt = "Email" };

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => new TravelSaga().ExecuteAsync(context));

        Assert.True(error.PastPivot);
        Assert.Equal("Email", error.StepName);
        Assert.Equal(["BookFlight", "BookHotel", "ChargeCard"], context.Log);
    }

    [Fact]
    public async Task A_failure_in_the_first_step_has_nothing_to_compensate()
    {
        var context = new TripContext { FailAt = "BookFlight" };

        var error = await Assert.ThrowsAsync<SagaExecutionException>(() => new TravelSaga().ExecuteAsync(context));

        Assert.Empty(context.Log);
        Assert.Equal("BookFlight", error.StepName);
    }
}
