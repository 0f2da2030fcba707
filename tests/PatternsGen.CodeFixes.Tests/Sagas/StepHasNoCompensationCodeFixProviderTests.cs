using Verify = PatternsGen.Testing.CodeFixVerifier<
    PatternsGen.Analyzers.Sagas.SagaAnalyzer,
    PatternsGen.CodeFixes.Sagas.AddCompensationCodeFixProvider>;

namespace PatternsGen.CodeFixes.Tests.Sagas;

public sealed class AddCompensationCodeFixProviderTests
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
            """);
    }
}
