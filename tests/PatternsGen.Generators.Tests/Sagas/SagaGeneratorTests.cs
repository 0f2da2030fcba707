using PatternsGen.Generators.Sagas;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Sagas;

public sealed class SagaGeneratorTests
{
    private const string OrderSaga = """
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;

        namespace Shop.Sagas;

        public sealed class OrderContext { public string OrderId { get; init; } = ""; }
        public sealed record Reservation(string Id);
        public readonly record struct Payment(string Id, decimal Amount);

        [Saga]
        public partial class OrderSaga
        {
            [SagaStep(1, Compensate = nameof(ReleaseInventory))]
            public Task<Reservation> ReserveInventory(OrderContext context, CancellationToken ct) => Task.FromResult(new Reservation("r-1"));

            public Task ReleaseInventory(OrderContext context, Reservation reservation, CancellationToken ct) => Task.CompletedTask;

            [SagaStep(2, Compensate = nameof(Refund))]
            public ValueTask<Payment> ProcessPayment(OrderContext context, CancellationToken ct) => new(new Payment("p-1", 10m));

            public ValueTask Refund(OrderContext context, Payment payment, CancellationToken ct) => default;

            [SagaStep(3, Compensate = nameof(Unnotify))]
            public Task Notify(OrderContext context, CancellationToken ct) => Task.CompletedTask;

            public Task Unnotify(OrderContext context, CancellationToken ct) => Task.CompletedTask;

            [SagaStep(4, Pivot = true)]
            public Task<string> CreateShipment(OrderContext context, CancellationToken ct) => Task.FromResult("s-1");

            [SagaStep(5)]
            public Task SendConfirmation(OrderContext context, CancellationToken ct) => Task.CompletedTask;
        }
        """;

    [Fact]
    public void Generates_an_orchestrator_with_typed_results_reverse_compensation_and_a_pivot()
    {
        var run = GeneratorRun.Create(new SagaGenerator(), OrderSaga).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void A_saga_of_one_step_compiles()
    {
        // A lone step is the only argument to the definition's params array: it must not be taken for the array.
        GeneratorRun.Create(new SagaGenerator(), """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Checkout(string OrderId);

            [Saga]
            public partial class CheckoutSaga
            {
                [SagaStep(1, Pivot = true)]
                public Task Charge(Checkout checkout, CancellationToken ct) => Task.CompletedTask;
            }
            """).AssertCompilesCleanly();
    }

    [Fact]
    public void Runs_steps_in_order_even_when_declared_out_of_order_and_skips_invalid_ones()
    {
        var run = GeneratorRun.Create(new SagaGenerator(), """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ctx;

            [Saga]
            public partial class Backwards
            {
                [SagaStep(20, Compensate = nameof(UndoSecond))] public Task Second(Ctx c, CancellationToken ct) => Task.CompletedTask;
                public Task UndoSecond(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(10, Compensate = nameof(WrongShape))] public Task<int> First(Ctx c, CancellationToken ct) => Task.FromResult(1);
                public void WrongShape(Ctx c) { }
                [SagaStep(30)] public int NotAStep(Ctx c) => 0;
            }
            """).AssertCompilesCleanly();

        var text = run.File("Backwards.Saga.g.cs");
        Assert.Contains("0 => global::PatternsGen.Sagas.SagaStepResults.Of(First(context, ct)),", text);
        Assert.Contains("1 => global::PatternsGen.Sagas.SagaStepResults.None(Second(context, ct)),", text);
        Assert.Contains("1 => global::PatternsGen.Sagas.SagaStepResults.Done(UndoSecond(context, ct)),", text);
        Assert.DoesNotContain("WrongShape", text);
        Assert.DoesNotContain("NotAStep", text);
    }

    [Fact]
    public void Generates_nothing_when_steps_disagree_on_the_context_or_share_an_order()
    {
        var run = GeneratorRun.Create(new SagaGenerator(), """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            [Saga]
            public partial class Mixed
            {
                [SagaStep(1, Pivot = true)] public Task A(string c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(2)] public Task B(int c, CancellationToken ct) => Task.CompletedTask;
            }

            [Saga]
            public partial class Twice
            {
                [SagaStep(1, Pivot = true)] public Task A(string c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(1)] public Task B(string c, CancellationToken ct) => Task.CompletedTask;
            }
            """);

        Assert.Empty(run.Files);
    }

    [Fact]
    public void Steps_and_compensations_with_retries_or_timeouts_run_through_a_pipeline_on_the_sagas_clock()
    {
        var run = GeneratorRun.Create(new SagaGenerator(), """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using PatternsGen;

            public sealed record Ctx;

            [Saga]
            public partial class Resilient
            {
                public TimeProvider Clock { get; init; } = TimeProvider.System;

                private readonly ILogger? _log = null;

                [SagaStep(1, Compensate = nameof(Release), MaxAttempts = 3, RetryDelayMilliseconds = 50, TimeoutMilliseconds = 2000, CompensationAttempts = 5)]
                private Task<int> Reserve(Ctx c, CancellationToken ct) => Task.FromResult(1);

                private ValueTask Release(Ctx c, int reservation, CancellationToken ct) => default;

                [SagaStep(2, Pivot = true, TimeoutMilliseconds = 500)]
                private ValueTask Ship(Ctx c, CancellationToken ct) => default;
            }
            """).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void A_saga_with_a_log_member_gets_a_recorded_execute_a_resume_and_a_resume_of_unfinished_runs()
    {
        var run = GeneratorRun.Create(new SagaGenerator(), """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;
            using PatternsGen.Sagas;

            namespace Shop;

            public sealed record Order(string Id);
            public sealed record Hold(string Id);

            [Saga]
            public partial class LoggedSaga(SagaLog? log)
            {
                private readonly SagaLog? _log = log;

                [SagaStep(1, Compensate = nameof(Release))]
                public Task<Hold> Reserve(Order order, CancellationToken ct) => Task.FromResult(new Hold("h"));

                public Task Release(Order order, Hold hold, CancellationToken ct) => Task.CompletedTask;

                [SagaStep(2, Pivot = true)]
                public ValueTask<int> Ship(Order order, CancellationToken ct) => new(1);
            }
            """).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void Steps_with_nothing_to_undo_are_passed_over_when_compensating_and_recorded_as_such()
    {
        var run = GeneratorRun.Create(new SagaGenerator(), """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;
            using PatternsGen.Sagas;

            namespace Shop;

            public sealed record Order(string Id);
            public sealed record Quote(decimal Price);

            [Saga]
            public partial class CheckoutSaga(SagaLog? log)
            {
                public SagaLog? Log { get; } = log;

                [SagaStep(1, NothingToUndo = true)]
                public Task ValidateCustomer(Order order, CancellationToken ct) => Task.CompletedTask;

                [SagaStep(2, NothingToUndo = true)]
                public Task<Quote> QuotePrice(Order order, CancellationToken ct) => Task.FromResult(new Quote(1m));

                [SagaStep(3, Compensate = nameof(Refund))]
                public Task<string> Charge(Order order, CancellationToken ct) => Task.FromResult("p");

                public Task Refund(Order order, string payment, CancellationToken ct) => Task.CompletedTask;

                [SagaStep(4, Pivot = true)]
                public Task Ship(Order order, CancellationToken ct) => Task.CompletedTask;
            }
            """).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void A_second_run_is_fully_cached_and_models_hold_no_roslyn_objects() =>
        IncrementalGeneratorHarness.AssertCachedOnRerun(new SagaGenerator(), [TrackingNames.SagaModels], OrderSaga);
}
