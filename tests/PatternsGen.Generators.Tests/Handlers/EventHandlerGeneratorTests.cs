using PatternsGen.Generators.Handlers;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Handlers;

public sealed class EventHandlerGeneratorTests
{
    private const string Handlers = """
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        using PatternsGen.Messaging;

        namespace Shop.Payments;

        [Event("order.created")] public sealed record OrderCreated(string OrderId, decimal Amount);
        [Event("payment.failed")] public readonly record struct PaymentFailed(string OrderId, string Reason);
        public sealed record Audit(string What);

        public partial class PaymentHandlers
        {
            [EventHandler]
            public Task OnOrderCreated(OrderCreated e, CancellationToken ct) => Task.CompletedTask;

            [EventHandler("payment.failed", UseInbox = true)]
            public ValueTask OnPaymentFailed(PaymentFailed e, EventContext context, CancellationToken ct) => default;

            [EventHandler, Idempotent]
            public void OnAudit(Audit e) { }
        }

        public partial class Outer
        {
            public partial class NestedHandlers
            {
                [EventHandler]
                public Task On(OrderCreated e) => Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public void Generates_a_dispatcher_and_registrations_per_class_and_one_registry_for_the_assembly()
    {
        var run = GeneratorRun.Create(new EventHandlerGenerator(), Handlers).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void Handlers_of_the_wrong_shape_are_left_out_and_a_class_with_none_gets_nothing()
    {
        var run = GeneratorRun.Create(new EventHandlerGenerator(), """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;

            public sealed record Ping;

            public partial class Mixed
            {
                [EventHandler] public Task Good(Ping e, CancellationToken ct) => Task.CompletedTask;
                [EventHandler] public async void AsyncVoid(Ping e) { await Task.Yield(); }
                [EventHandler] public static void Static(Ping e) { }
                [EventHandler] public Task<int> ReturnsValue(Ping e) => Task.FromResult(1);
                [EventHandler] public void TwoEvents(Ping a, Ping b) { }
                [EventHandler] public void NoEvent() { }
            }

            public partial class OnlyBad
            {
                [EventHandler] public int Bad(Ping e) => 0;
            }

            public class NotPartial
            {
                [EventHandler] public void On(Ping e) { }
            }
            """).AssertCompilesCleanly();

        var text = run.File("Mixed.EventHandlers.g.cs");
        Assert.Contains("Good((global::Ping)@event, ct)", text, StringComparison.Ordinal);
        foreach (var bad in new[] { "AsyncVoid", "Static", "ReturnsValue", "TwoEvents", "NoEvent" })
        {
            Assert.DoesNotContain(bad, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(run.Files, static f => f.HintName.Contains("OnlyBad", StringComparison.Ordinal) || f.HintName.Contains("NotPartial", StringComparison.Ordinal));
    }

    [Fact]
    public void One_parse_per_class_still_finds_every_handler_past_an_accessor_and_a_partial_method()
    {
        // Only the first attributed method of a class parses it (ClassModels): an attributed accessor, which the
        // syntax filter never passes, and a partial method attributed on its implementation must not lose the class.
        var run = GeneratorRun.Create(new EventHandlerGenerator(), """
            using PatternsGen;
            namespace Shop;
            [Event("a")] public sealed record A;
            [Event("b")] public sealed record B;
            public partial class Mixed
            {
                public int Count { [EventHandler] get => 0; }
                public partial void OnA(A e);
                [EventHandler, Idempotent] public partial void OnA(A e) { }
                [EventHandler, Idempotent] public void OnB(B e) { }
            }
            """);

        var text = run.File("Shop.Mixed.EventHandlers.g.cs");
        Assert.Contains("OnA(", text, StringComparison.Ordinal);
        Assert.Contains("OnB(", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_is_fully_cached_and_models_hold_no_roslyn_objects() =>
        IncrementalGeneratorHarness.AssertCachedOnRerun(new EventHandlerGenerator(), [TrackingNames.EventHandlerModels, TrackingNames.EventHandlerRegistry], Handlers);
}
