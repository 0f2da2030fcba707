using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Agents;
using PatternsGen.Generators.Aggregates;
using PatternsGen.Generators.Events;
using PatternsGen.Generators.Handlers;
using PatternsGen.Generators.Projections;
using PatternsGen.Generators.Sagas;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Incremental;

/// <summary>
/// The edits an IDE sends every generator, each with the run reasons it must cause: a file that has nothing to do
/// with it, a method body, and one member of the generator's kind (an Apply, a saga step, a tool, a handler, a
/// Project method) added, renamed and removed. Each subject has two types in two files; every edit touches the
/// first, and only its output may change.
/// </summary>
public sealed class EditScenarioTests
{
    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var subject in Subjects.Keys)
        {
            foreach (var edit in new[] { "unrelated file added", "method body edited", "member added", "member renamed", "member removed" })
            {
                data.Add(subject, edit);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Only_the_touched_type_output_changes(string subjectName, string edit)
    {
        var subject = Subjects[subjectName];
        var first = GeneratorRun.Create(subject.Create(), subject.First, subject.Second);
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Contains(first.Files, f => f.HintName == subject.FirstFile);
        Assert.Contains(first.Files, f => f.HintName == subject.SecondFile);

        var (changed, expectChange) = edit switch
        {
            "unrelated file added" => (null, false),
            "method body edited" => (subject.EditBody(subject.First), false),
            "member added" => (subject.AddMember(subject.First), true),
            "member renamed" => (subject.RenameMember(subject.First), true),
            _ => (subject.RemoveMember(subject.First), true),
        };
        Assert.NotEqual(subject.First, changed); // the edit found what it edits

        var driver = first.Driver.RunGenerators(changed is null
            ? first.Input.AddSyntaxTrees(Parse("namespace Elsewhere; public class Unrelated { public int X => 1; }"))
            : first.Input.ReplaceSyntaxTree(first.Input.SyntaxTrees.First(), Parse(changed)));
        var rerun = driver.GetRunResult().Results.Single();
        Assert.Null(rerun.Exception);
        Assert.Empty(rerun.Diagnostics);

        // The per-type step: the untouched type is never recomputed into something new; the touched one is
        // Modified exactly when its generated code must change.
        var reasons = Reasons(rerun, subject.PerTypeStep);
        Assert.DoesNotContain(IncrementalStepRunReason.New, reasons);
        Assert.DoesNotContain(IncrementalStepRunReason.Removed, reasons);
        Assert.Equal(expectChange ? 1 : 0, reasons.Count(static r => r == IncrementalStepRunReason.Modified));

        // The assembly-wide steps (registries): they list types, which member edits do not change; the event
        // registry lists event types, so it changes only when an edit changes which ones are applied.
        foreach (var step in subject.AssemblySteps)
        {
            var expected = expectChange && step == subject.StepChangedByMembers
                ? IncrementalStepRunReason.Modified
                : IncrementalStepRunReason.Unchanged;
            Assert.All(Reasons(rerun, step), r => Assert.True(
                r == expected || (expected == IncrementalStepRunReason.Unchanged && r == IncrementalStepRunReason.Cached),
                $"{step}: {r}, expected {expected}"));
        }

        // And what reaches the compilation: the second type's file the same text (its source output not rerun),
        // the first type's changed exactly when its members did.
        var before = first.Files.ToDictionary(static f => f.HintName, static f => f.Text);
        var after = rerun.GeneratedSources.ToDictionary(static s => s.HintName, static s => s.SourceText.ToString());
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        if (subject.SecondFile != subject.FirstFile)
        {
            Assert.Equal(before[subject.SecondFile], after[subject.SecondFile]);
        }

        Assert.Equal(expectChange, before[subject.FirstFile] != after[subject.FirstFile]);
        var outputs = rerun.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(expectChange ? 1 : 0, outputs.Count(static r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
    }

    private static ImmutableArray<IncrementalStepRunReason> Reasons(GeneratorRunResult run, string step) =>
        Assert.Contains(step, (IDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>>)run.TrackedSteps)
            .SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToImmutableArray();

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions);

    private static string Edit(string source, string find, string replace) => source.Replace(find, replace, StringComparison.Ordinal);

    /// <summary>A generator, two files of one type each, and how to make each edit to the first.</summary>
    private sealed record Subject(
        Func<IIncrementalGenerator> Create,
        string PerTypeStep,
        string[] AssemblySteps,
        string? StepChangedByMembers,
        string First,
        string Second,
        string FirstFile,
        string SecondFile,
        Func<string, string> EditBody,
        Func<string, string> AddMember,
        Func<string, string> RenameMember,
        Func<string, string> RemoveMember);

    private static readonly Dictionary<string, Subject> Subjects = new()
    {
        ["aggregate"] = new(
            static () => new AggregateGenerator(), TrackingNames.AggregateModels, [], null,
            """
            using PatternsGen;
            namespace Shop;
            public sealed record OrderPlaced(decimal Total);
            public sealed record OrderShipped;
            [Aggregate]
            public partial class Order
            {
                public decimal Total { get; private set; }
                public bool Shipped { get; private set; }
                private void Apply(OrderPlaced e) => Total = e.Total;
                private void Apply(OrderShipped e) => Shipped = true;
                public void Place(decimal total) => Raise(new OrderPlaced(total));
            }
            """,
            """
            using PatternsGen;
            namespace Shop;
            public sealed record ItemAdded(string Sku);
            [Aggregate]
            public partial class Cart
            {
                public int Items { get; private set; }
                private void Apply(ItemAdded e) => Items++;
            }
            """,
            "Shop.Order.Aggregate.g.cs", "Shop.Cart.Aggregate.g.cs",
            static s => Edit(s, "Raise(new OrderPlaced(total))", "Raise(new OrderPlaced(total * 2))"),
            static s => Edit(s, "    public void Place", "    private void Apply(ItemAdded e) { }\n    public void Place"),
            static s => Edit(s, "OrderShipped", "OrderDispatched"),
            static s => Edit(s, "private void Apply(OrderShipped e) => Shipped = true;", "")),

        ["event types"] = new(
            static () => new EventTypesGenerator(), TrackingNames.AppliedEventTypes, [TrackingNames.DeclaredEventTypes, TrackingNames.EventRegistry], TrackingNames.EventRegistry,
            """
            using PatternsGen;
            namespace Shop;
            [Event("order.placed")] public sealed record OrderPlaced(decimal Total);
            public sealed record OrderShipped;
            public sealed record OrderNoted(string Note);
            [Aggregate]
            public partial class Order
            {
                private void Apply(OrderPlaced e) { }
                private void Apply(OrderShipped e) { }
                public int Twice(int x) => x * 2;
            }
            """,
            """
            using PatternsGen;
            namespace Shop;
            [Event("cart.item_added")] public sealed record ItemAdded(string Sku);
            """,
            // One file for the assembly: "first" and "second" are the same file, so only its change is checked.
            "PatternsGen.EventTypes.g.cs", "PatternsGen.EventTypes.g.cs",
            static s => Edit(s, "x * 2", "x * 3"),
            static s => Edit(s, "    public int Twice", "    private void Apply(OrderNoted e) { }\n    public int Twice"),
            static s => Edit(s, "OrderShipped", "OrderDispatched"),
            static s => Edit(s, "private void Apply(OrderShipped e) { }", "")),

        ["saga"] = new(
            static () => new SagaGenerator(), TrackingNames.SagaModels, [], null,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;
            namespace Shop;
            public sealed class OrderContext { public string Id { get; init; } = ""; }
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Compensate = nameof(Release))]
                public Task<string> Reserve(OrderContext context, CancellationToken ct) => Task.FromResult("r-1");
                public Task Release(OrderContext context, string reservation, CancellationToken ct) => Task.CompletedTask;
                [SagaStep(2, Pivot = true)]
                public Task<string> Ship(OrderContext context, CancellationToken ct) => Task.FromResult("s-" + context.Id);
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;
            namespace Shop;
            [Saga]
            public partial class RefundSaga
            {
                [SagaStep(1, Pivot = true)]
                public Task Refund(OrderContext context, CancellationToken ct) => Task.CompletedTask;
            }
            """,
            "Shop.OrderSaga.Saga.g.cs", "Shop.RefundSaga.Saga.g.cs",
            static s => Edit(s, "\"s-\" + context.Id", "\"shipment-\" + context.Id"),
            static s => Edit(s, "    [SagaStep(2, Pivot = true)]", "    [SagaStep(3)]\n    public Task Notify(OrderContext context, CancellationToken ct) => Task.CompletedTask;\n    [SagaStep(2, Pivot = true)]"),
            static s => Edit(s, "Task<string> Ship(", "Task<string> CreateShipment("),
            static s => Edit(s, "[SagaStep(1, Compensate = nameof(Release))]", "")),

        ["event handlers"] = new(
            static () => new EventHandlerGenerator(), TrackingNames.EventHandlerModels, [TrackingNames.EventHandlerRegistry], null,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;
            namespace Shop;
            [Event("order.created")] public sealed record OrderCreated(string OrderId);
            [Event("order.shipped")] public sealed record OrderShipped(string OrderId);
            [Event("order.noted")] public sealed record OrderNoted(string OrderId);
            public partial class PaymentHandlers
            {
                [EventHandler, Idempotent]
                public Task OnCreated(OrderCreated e, CancellationToken ct) => Task.CompletedTask;
                [EventHandler, Idempotent]
                public Task OnShipped(OrderShipped e, CancellationToken ct) => Task.FromResult(e.OrderId.Length);
            }
            """,
            """
            using System.Threading.Tasks;
            using PatternsGen;
            namespace Shop;
            public partial class MailHandlers
            {
                [EventHandler, Idempotent]
                public Task OnCreated(OrderCreated e) => Task.CompletedTask;
            }
            """,
            "Shop.PaymentHandlers.EventHandlers.g.cs", "Shop.MailHandlers.EventHandlers.g.cs",
            static s => Edit(s, "Task.FromResult(e.OrderId.Length)", "Task.FromResult(e.OrderId.Length + 1)"),
            static s => Edit(s, "    [EventHandler, Idempotent]\n    public Task OnShipped", "    [EventHandler, Idempotent]\n    public void OnNoted(OrderNoted e) { }\n    [EventHandler, Idempotent]\n    public Task OnShipped"),
            static s => Edit(s, "Task OnShipped(", "Task WhenShipped("),
            static s => Edit(s, "    [EventHandler, Idempotent]\n    public Task OnCreated", "    public Task OnCreated")),

        ["projection"] = new(
            static () => new ProjectionGenerator(), TrackingNames.ProjectionModels, [], null,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using PatternsGen;
            namespace Shop;
            public sealed record OrderPlaced(string OrderId);
            public sealed record OrderShipped(string OrderId);
            public sealed record OrderCancelled(string OrderId);
            [Projection(Name = "orders_view")]
            public partial class OrdersView
            {
                public int Placed { get; private set; }
                public void Project(OrderPlaced e) => Placed++;
                public void Project(OrderShipped e) => Placed += 0;
            }
            """,
            """
            using PatternsGen;
            namespace Shop;
            [Projection]
            public partial class Counter
            {
                public int Count { get; private set; }
                public void Project(OrderPlaced e) => Count++;
            }
            """,
            "Shop.OrdersView.Projection.g.cs", "Shop.Counter.Projection.g.cs",
            static s => Edit(s, "Placed += 0", "Placed += 1"),
            static s => Edit(s, "    public void Project(OrderShipped e)", "    public Task Project(OrderCancelled e, CancellationToken ct) => Task.CompletedTask;\n    public void Project(OrderShipped e)"),
            static s => Edit(s, "OrderShipped", "OrderDispatched"),
            static s => Edit(s, "public void Project(OrderShipped e) => Placed += 0;", "")),

        ["agent tools"] = new(
            static () => new AgentToolGenerator(), TrackingNames.AgentToolModels, [TrackingNames.AgentToolRegistry], null,
            """
            using PatternsGen;
            namespace Shop;
            public partial class OrderTools
            {
                /// <summary>Counts orders.</summary>
                [AgentTool] public int CountOrders(string customer) => customer.Length;
                /// <summary>Finds an order.</summary>
                [AgentTool] public string FindOrder(int id) => "order " + id;
            }
            """,
            """
            using PatternsGen;
            namespace Shop;
            public partial class StockTools
            {
                /// <summary>Stock of a product.</summary>
                [AgentTool] public int Stock(string sku) => 3;
            }
            """,
            "Shop.OrderTools.AgentTools.g.cs", "Shop.StockTools.AgentTools.g.cs",
            static s => Edit(s, "\"order \" + id", "\"order #\" + id"),
            static s => Edit(s, "    /// <summary>Finds an order.</summary>", "    /// <summary>Cancels an order.</summary>\n    [AgentTool] public bool CancelOrder(int id) => true;\n    /// <summary>Finds an order.</summary>"),
            static s => Edit(s, "string FindOrder(int id)", "string LookUpOrder(int id)"),
            static s => Edit(s, "[AgentTool] public int CountOrders", "public int CountOrders")),
    };
}
