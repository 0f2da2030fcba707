using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Aggregates;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Aggregates;

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

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var first = GeneratorRun.Create(new AggregateGenerator(), Order, Cart);

        var reasons = IncrementalGeneratorHarness.RerunAfter(
            first, c => c.AddSyntaxTrees(Parse("namespace Shop; public class Unrelated { }")), TrackingNames.AggregateModels);

        Assert.All(reasons[TrackingNames.AggregateModels], r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_a_method_body_regenerates_nothing()
    {
        var first = GeneratorRun.Create(new AggregateGenerator(), Order, Cart);

        var reasons = IncrementalGeneratorHarness.RerunAfter(
            first, c => Replace(c, 0, Order.Replace("Raise(new OrderPlaced(total))", "Raise(new OrderPlaced(total * 2))", StringComparison.Ordinal)),
            TrackingNames.AggregateModels);

        Assert.All(reasons[TrackingNames.AggregateModels], r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void Adding_an_Apply_method_changes_only_that_aggregate()
    {
        var first = GeneratorRun.Create(new AggregateGenerator(), Order, Cart);

        var reasons = IncrementalGeneratorHarness.RerunAfter(
            first, c => Replace(c, 1, Cart.Replace("Items++;", "Items++;\n    private void Apply(OrderPlaced e) { }", StringComparison.Ordinal)),
            TrackingNames.AggregateModels);

        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified], reasons[TrackingNames.AggregateModels].ToArray());
    }

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions);

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string source) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(index), Parse(source));
}
