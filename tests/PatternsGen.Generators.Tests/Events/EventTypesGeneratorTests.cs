using PatternsGen.Generators.Events;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Events;

public sealed class EventTypesGeneratorTests
{
    private const string Shop = """
        using PatternsGen;

        namespace Shop;

        [Event("order.placed")] public sealed record OrderPlaced(string OrderId);
        [Event] public readonly record struct LineAdded(int Quantity);
        public sealed record Shipped;                       // no [Event]: registered because Order applies it
        public interface IOrderEvent { }                    // applied, but not storable: not registered
        [Event("quote \" and \\ back")] public sealed class Odd { }

        internal static class Outer
        {
            [Event] internal sealed record NestedEvent;
            [Event] private sealed record Hidden;            // cannot be named from outside Outer: PGEN205
        }

        [Aggregate]
        public partial class Order
        {
            private void Apply(OrderPlaced e) { }
            private void Apply(Shipped e) { }
            private void Apply(IOrderEvent e) { }
        }
        """;

    [Fact]
    public void Registers_event_types_and_applied_types_once_each_under_their_names()
    {
        var run = GeneratorRun.Create(new EventTypesGenerator(), Shop).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void A_compilation_without_event_types_gets_no_file()
    {
        var run = GeneratorRun.Create(new EventTypesGenerator(), "namespace Shop; public class Plain { }").AssertCompilesCleanly();

        Assert.Empty(run.Files);
    }

    [Fact]
    public void A_second_run_is_fully_cached_and_models_hold_no_roslyn_objects() =>
        IncrementalGeneratorHarness.AssertCachedOnRerun(
            new EventTypesGenerator(),
            [TrackingNames.DeclaredEventTypes, TrackingNames.AppliedEventTypes, TrackingNames.EventRegistry],
            Shop);
}
