using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.Sagas.SagaAnalyzer>;

namespace PatternsGen.Analyzers.Tests.Sagas;

public sealed class SagaAnalyzerTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        public sealed record Ctx;
        public sealed record Reservation;

        """;

    [Fact]
    public async Task PGEN001_a_step_before_the_pivot_without_compensation_is_a_warning_on_its_name()
    {
        await Verify.VerifyAsync(Usings + """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)] public Task<Reservation> {|#0:Reserve|}(Ctx c, CancellationToken ct) => Task.FromResult(new Reservation());
                [SagaStep(2, Compensate = nameof(Refund))] public Task Charge(Ctx c, CancellationToken ct) => Task.CompletedTask;
                public Task Refund(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(3, Pivot = true)] public Task Ship(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(4)] public Task Email(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("PGEN001").WithLocation(0).WithArguments("Reserve"));
    }

    [Fact]
    public async Task PGEN001_is_quiet_for_steps_that_declare_nothing_to_undo()
    {
        await Verify.VerifyAsync(Usings + """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, NothingToUndo = true)] public Task ValidateCustomer(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(2, NothingToUndo = true)] public Task<decimal> QuotePrice(Ctx c, CancellationToken ct) => Task.FromResult(1m);
                [SagaStep(3, NothingToUndo = false)] public Task<Reservation> {|#0:Reserve|}(Ctx c, CancellationToken ct) => Task.FromResult(new Reservation());
                [SagaStep(4, Pivot = true)] public Task Charge(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("PGEN001").WithLocation(0).WithArguments("Reserve"));
    }

    [Fact]
    public async Task PGEN109_a_step_with_nothing_to_undo_that_names_a_compensation_is_a_warning()
    {
        await Verify.VerifyAsync(Usings + """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, NothingToUndo = true, Compensate = nameof(Release))] public Task<Reservation> {|#0:Reserve|}(Ctx c, CancellationToken ct) => Task.FromResult(new Reservation());
                public Task Release(Ctx c, Reservation r, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(2, Pivot = true)] public Task Charge(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("PGEN109").WithLocation(0).WithArguments("Reserve", "Release"));
    }

    [Fact]
    public async Task Compensations_that_do_not_exist_or_cannot_be_called_are_errors()
    {
        await Verify.VerifyAsync(Usings + """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Compensate = "Missing")] public Task<Reservation> {|#0:Reserve|}(Ctx c, CancellationToken ct) => Task.FromResult(new Reservation());
                [SagaStep(2, Compensate = nameof(Refund))] public Task<int> {|#1:Charge|}(Ctx c, CancellationToken ct) => Task.FromResult(1);
                public Task Refund(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(3, Pivot = true)] public Task Ship(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("PGEN101").WithLocation(0).WithArguments("Reserve", "Missing", "OrderSaga"),
            Verify.Diagnostic("PGEN102").WithLocation(1).WithArguments("Refund", "Charge", "it must be Task or ValueTask Refund(Ctx context, int result, CancellationToken ct)"));
    }

    [Fact]
    public async Task Duplicate_orders_mixed_contexts_bad_shapes_two_pivots_and_compensation_after_the_pivot()
    {
        await Verify.VerifyAsync(Usings + """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true)] public Task Ship(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(1)] public Task {|#0:Again|}(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(2)] public Task {|#1:Other|}(string c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(3)] public int {|#2:Sync|}(Ctx c) => 0;
                [SagaStep(4, Pivot = true)] public Task {|#3:Second|}(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(5, Compensate = nameof(Undo))] public Task {|#4:Late|}(Ctx c, CancellationToken ct) => Task.CompletedTask;
                public Task Undo(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("PGEN103").WithLocation(0).WithArguments("Again", 1, "Ship"),
            Verify.Diagnostic("PGEN104").WithLocation(1).WithArguments("Other", "string", "Ctx"),
            Verify.Diagnostic("PGEN105").WithLocation(2).WithArguments("Sync", "a step returns Task, Task<R>, ValueTask or ValueTask<R>"),
            Verify.Diagnostic("PGEN107").WithLocation(3).WithArguments("Second", "Ship"),
            Verify.Diagnostic("PGEN106").WithLocation(4).WithArguments("Late", "Ship", "Undo"));
    }

    [Fact]
    public async Task Retry_and_timeout_settings_out_of_range_are_errors()
    {
        await Verify.VerifyAsync(Usings + """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true, MaxAttempts = 0, TimeoutMilliseconds = -5)] public Task {|#0:Ship|}(Ctx c, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(2, MaxAttempts = 4, RetryDelayMilliseconds = 0, TimeoutMilliseconds = 0)] public Task Email(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("PGEN108").WithLocation(0).WithArguments("Ship", "MaxAttempts", 0, "at least 1"),
            Verify.Diagnostic("PGEN108").WithLocation(0).WithArguments("Ship", "TimeoutMilliseconds", -5, "0 or more"));
    }

    [Fact]
    public async Task A_well_formed_saga_reports_nothing()
    {
        await Verify.VerifyAsync(Usings + """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Compensate = nameof(Release))] public Task<Reservation> Reserve(Ctx c, CancellationToken ct) => Task.FromResult(new Reservation());
                public ValueTask Release(Ctx c, Reservation r, CancellationToken ct) => default;
                [SagaStep(2, Pivot = true)] public ValueTask Ship(Ctx c, CancellationToken ct) => default;
            }
            """);
    }
}
