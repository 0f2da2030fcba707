using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Testing;

namespace PatternsGen.Benchmarks.Generators;

/// <summary>
/// A generated solution of <c>types</c> annotated types, one file each, in equal parts: aggregates (three events
/// each, declared with <c>[Event]</c>, three <c>Apply</c> methods, a command), sagas (three steps with
/// compensations and a pivot), handler classes (two idempotent handlers) and tool classes (two described tools).
/// It compiles without errors, generated code included, against the references the generator tests use.
/// </summary>
internal static class ScaleSolution
{
    /// <summary>Every generator and every analyzer of PatternsGen, as the package ships them.</summary>
    public static ImmutableArray<IIncrementalGenerator> Generators => ShippedComponents.Generators;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => ShippedComponents.Analyzers;

    public static CSharpCompilation Create(int types)
    {
        var trees = new List<SyntaxTree> { Parse(Shared, "Shared.cs") };
        for (var i = 0; i < types; i++)
        {
            var (name, source) = (i % 4) switch
            {
                0 => ($"Order{i}", Aggregate(i)),
                1 => ($"Saga{i}", Saga(i)),
                2 => ($"Handlers{i}", Handlers(i)),
                _ => ($"Tools{i}", Tools(i)),
            };
            trees.Add(Parse(source, name + ".cs"));
        }

        return TestCompilation.Create(trees);
    }

    /// <summary>The solution with the generators' output added, as the compiler and the analyzers see it.</summary>
    public static Compilation CreateWithGeneratedCode(int types)
    {
        CSharpGeneratorDriver.Create(Generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: TestReferences.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(Create(types), out var output, out _);
        return output;
    }

    /// <summary>A one-line edit an IDE sends while the user types: a method body in the first aggregate's file.</summary>
    public static CSharpCompilation EditMethodBody(CSharpCompilation compilation, int generation) =>
        Replace(compilation, "Order0.cs", $"Total = total + {generation};");

    /// <summary>A one-line edit that changes what is generated: one more <c>Apply</c> in the first aggregate.</summary>
    public static CSharpCompilation AddApply(CSharpCompilation compilation, int generation) =>
        Replace(compilation, "Order0.cs", $"Total = total; }} private void Apply(Noted{generation % 2} e) {{ Notes++;");

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string body)
    {
        var tree = compilation.SyntaxTrees.First(t => t.FilePath == path);
        var edited = tree.GetText().ToString().Replace("Total = total;", body, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, Parse(edited, path));
    }

    private static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path, Encoding.UTF8);

    private const string Shared = """
        namespace Scale;
        public sealed class OrderContext { public string OrderId { get; init; } = ""; public decimal Amount { get; init; } }
        public enum OrderStatus { Open, Shipped, Cancelled }
        public sealed record Noted0(string Text);
        public sealed record Noted1(string Text);
        """;

    private static string Aggregate(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using PatternsGen;
        namespace Scale;

        [Event("order{{i}}.opened")] public sealed record Order{{i}}Opened(string Customer);
        [Event("order{{i}}.priced")] public sealed record Order{{i}}Priced(decimal Total);
        [Event("order{{i}}.closed")] public sealed record Order{{i}}Closed;

        [Aggregate]
        public partial class Order{{i}}
        {
            public string Customer { get; private set; } = "";
            public decimal Total { get; private set; }
            public bool Closed { get; private set; }
            public int Notes { get; private set; }

            public void Open(string customer) => Raise(new Order{{i}}Opened(customer));
            public void Price(decimal total) { if (Closed) { throw new System.InvalidOperationException("closed"); } Raise(new Order{{i}}Priced(total)); }

            private void Apply(Order{{i}}Opened e) => Customer = e.Customer;
            private void Apply(Order{{i}}Priced e) { var total = e.Total; Total = total; }
            private void Apply(Order{{i}}Closed e) => Closed = true;
        }
        """);

    private static string Saga(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        namespace Scale;

        [Saga]
        public partial class Saga{{i}}
        {
            [SagaStep(1, Compensate = nameof(Release))]
            public Task<string> Reserve(OrderContext context, CancellationToken ct) => Task.FromResult("r-" + context.OrderId);
            public Task Release(OrderContext context, string reservation, CancellationToken ct) => Task.CompletedTask;

            [SagaStep(2, Compensate = nameof(Refund), MaxAttempts = 3)]
            public Task<decimal> Charge(OrderContext context, CancellationToken ct) => Task.FromResult(context.Amount);
            public Task Refund(OrderContext context, decimal charged, CancellationToken ct) => Task.CompletedTask;

            [SagaStep(3, Pivot = true)]
            public Task<string> Ship(OrderContext context, CancellationToken ct) => Task.FromResult("s-{{i}}");
        }
        """);

    private static string Handlers(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        namespace Scale;

        [Event("shipment{{i}}.sent")] public sealed record Shipment{{i}}Sent(string OrderId);

        public partial class Handlers{{i}}
        {
            public int Seen { get; private set; }

            [EventHandler, Idempotent]
            public Task OnSent(Shipment{{i}}Sent e, CancellationToken ct) { Seen = e.OrderId.Length; return Task.CompletedTask; }

            [EventHandler, Idempotent]
            public void OnOpened(Order{{i - 2}}Opened e) => Seen = 1;
        }
        """);

    private static string Tools(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using PatternsGen;
        namespace Scale;

        public partial class Tools{{i}}
        {
            /// <summary>Searches the orders of variant {{i}}.</summary>
            /// <param name="customer">The customer's e-mail address.</param>
            /// <param name="status">Only orders in this status.</param>
            [AgentTool] public int SearchOrders{{i}}(string customer, OrderStatus status = OrderStatus.Open, int limit = 10) => limit;

            /// <summary>The total of an order.</summary>
            [AgentTool] public decimal OrderTotal{{i}}(string orderId) => orderId.Length;
        }
        """);
}
