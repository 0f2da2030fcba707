using Verify = PatternsGen.Testing.CodeFixVerifier<
    PatternsGen.Analyzers.Sagas.SagaAnalyzer,
    PatternsGen.CodeFixes.Sagas.StepHasNoCompensationCodeFixProvider>;

using PatternsGen.CodeFixes.Sagas;

namespace PatternsGen.CodeFixes.Tests.Sagas;

public sealed class StepHasNoCompensationCodeFixProviderTests
{
    [Fact]
    public async Task Writes_a_compensation_of_the_steps_signature_and_names_it_on_the_attribute()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ctx;
            public sealed record Reservation;

            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)]
                public Task<Reservation> {|PGEN001:Reserve|}(Ctx c, CancellationToken ct) => Task.FromResult(new Reservation());

                [SagaStep(2)]
                public ValueTask {|PGEN001:Charge|}(Ctx c, CancellationToken ct) => default;

                [SagaStep(3, Pivot = true)]
                public Task Ship(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ctx;
            public sealed record Reservation;

            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Compensate = nameof(UndoReserve))]
                public Task<Reservation> Reserve(Ctx c, CancellationToken ct) => Task.FromResult(new Reservation());

                public Task UndoReserve(Ctx context, Reservation result, CancellationToken ct)
                {
                    throw new System.NotImplementedException("Undo Reserve");
                }

                [SagaStep(2, Compensate = nameof(UndoCharge))]
                public ValueTask Charge(Ctx c, CancellationToken ct) => default;

                public ValueTask UndoCharge(Ctx context, CancellationToken ct)
                {
                    throw new System.NotImplementedException("Undo Charge");
                }

                [SagaStep(3, Pivot = true)]
                public Task Ship(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """, StepHasNoCompensationCodeFixProvider.AddCompensationKey);
    }

    [Fact]
    public async Task Sets_a_member_that_followed_the_step_directly_apart_from_the_new_compensation()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ctx;

            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)]
                public Task {|PGEN001:Reserve|}(Ctx c, CancellationToken ct)
                {
                    return Task.CompletedTask;
                }
                /// <summary>The pivot.</summary>
                [SagaStep(2, Pivot = true)]
                public Task Ship(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ctx;

            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Compensate = nameof(UndoReserve))]
                public Task Reserve(Ctx c, CancellationToken ct)
                {
                    return Task.CompletedTask;
                }

                public Task UndoReserve(Ctx context, CancellationToken ct)
                {
                    throw new System.NotImplementedException("Undo Reserve");
                }

                /// <summary>The pivot.</summary>
                [SagaStep(2, Pivot = true)]
                public Task Ship(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """, StepHasNoCompensationCodeFixProvider.AddCompensationKey);
    }

    [Fact]
    public async Task Marks_reading_steps_as_having_nothing_to_undo_and_fixes_all_of_them()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ctx;
            public sealed record Quote(decimal Price);

            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)]
                public Task {|PGEN001:ValidateCustomer|}(Ctx c, CancellationToken ct) => Task.CompletedTask;

                [SagaStep(2, MaxAttempts = 3)]
                public Task<Quote> {|PGEN001:QuotePrice|}(Ctx c, CancellationToken ct) => Task.FromResult(new Quote(1m));

                [SagaStep(3, Pivot = true)]
                public Task Charge(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ctx;
            public sealed record Quote(decimal Price);

            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, NothingToUndo = true)]
                public Task ValidateCustomer(Ctx c, CancellationToken ct) => Task.CompletedTask;

                [SagaStep(2, MaxAttempts = 3, NothingToUndo = true)]
                public Task<Quote> QuotePrice(Ctx c, CancellationToken ct) => Task.FromResult(new Quote(1m));

                [SagaStep(3, Pivot = true)]
                public Task Charge(Ctx c, CancellationToken ct) => Task.CompletedTask;
            }
            """, StepHasNoCompensationCodeFixProvider.NothingToUndoKey);
    }
}
