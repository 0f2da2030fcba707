using PatternsGen.Generators.Aggregates;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Aggregates;

/// <summary>The named edit scenarios (unrelated file, method body, one Apply added, renamed, removed) are in Incremental/EditScenarioTests.</summary>
public sealed class AggregateGeneratorCachingTests
{
    private const string Order = """
        using PatternsGen;
        namespace Shop;
        public sealed record OrderPlaced(decimal Total);
        [Aggregate]
        public partial class Order
        {
            public decimal Total { get; private set; }
            private void Apply(OrderPlaced e) => Total = e.Total;
            public void Place(decimal total) => Raise(new OrderPlaced(total));
        }
        """;

    private const string Cart = """
        using PatternsGen;
        namespace Shop;
        public sealed record ItemAdded(string Sku);
        [Aggregate]
        public partial class Cart
        {
            public int Items { get; private set; }
            private void Apply(ItemAdded e) => Items++;
        }
        """;

    [Fact]
    public void A_second_run_on_the_same_compilation_is_fully_cached_and_models_hold_no_roslyn_objects() =>
        IncrementalGeneratorHarness.AssertCachedOnRerun(new AggregateGenerator(), [TrackingNames.AggregateModels], Order, Cart);
}
