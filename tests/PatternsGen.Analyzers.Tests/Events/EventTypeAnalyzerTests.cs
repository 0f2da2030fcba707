using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.Events.EventTypeAnalyzer>;

namespace PatternsGen.Analyzers.Tests.Events;

public sealed class EventTypeAnalyzerTests
{
    private static readonly Dictionary<string, string> Aot = new() { ["PublishAot"] = "true" };

    [Fact]
    public async Task Two_event_types_with_one_name_are_an_error_on_each_after_the_first_in_name_order()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            namespace Sales { [Event("order.placed")] public sealed record {|#0:OrderPlaced|}; }
            namespace Billing { [Event("order.placed")] public sealed record Placed; }
            namespace A { public sealed record Created; }
            namespace B { public sealed record {|#1:Created|}; }
            namespace C { [Event("unique")] public sealed record Created; }
            [Aggregate]
            public partial class Order
            {
                private void Apply(A.Created e) { }
                private void Apply(B.Created e) { }
                private void Apply(C.Created e) { }
            }
            """,
            Verify.Diagnostic("PGEN204").WithLocation(0).WithArguments("order.placed", "Billing.Placed", "Sales.OrderPlaced"),
            Verify.Diagnostic("PGEN204").WithLocation(1).WithArguments("Created", "A.Created", "B.Created"));
    }

    [Fact]
    public async Task Event_types_the_stores_cannot_hold_are_warnings_that_say_why()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            [Event] public abstract record {|#0:OrderEvent|};
            [Event] public sealed record {|#1:Wrapped|}<T>(T Value);
            public static class Outer { [Event] private sealed record {|#2:Hidden|}; }
            [Event] public sealed class {|#3:Opaque|} { private readonly int _amount; public Opaque(int amount) => _amount = amount; }
            [Event] public sealed class {|#4:TwoWays|} { public TwoWays(int a) { A = a; } public TwoWays(string b) { } public int A { get; } }
            [Event] public sealed class Fine { public Fine(int a) => A = a; public int A { get; } }
            [Event] public sealed record Empty;
            [Event] public sealed class WithJsonConstructor
            {
                [System.Text.Json.Serialization.JsonConstructor] public WithJsonConstructor(int a) => A = a;
                public WithJsonConstructor(string b) { }
                public int A { get; }
            }
            """,
            Verify.Diagnostic("PGEN205").WithLocation(0).WithArguments("OrderEvent", "it is abstract or an interface, so no stored event can be of exactly this type; put [Event] on the concrete types"),
            Verify.Diagnostic("PGEN205").WithLocation(1).WithArguments("Wrapped<T>", "it is generic; give each event its own non-generic type"),
            Verify.Diagnostic("PGEN205").WithLocation(2).WithArguments("Outer.Hidden", "it, or a type it is nested in, is private or protected, so the generated registration cannot name it"),
            Verify.Diagnostic("PGEN205").WithLocation(3).WithArguments("Opaque", "none of its data is public, so System.Text.Json would store it as '{}'; expose the data as public properties"),
            Verify.Diagnostic("PGEN205").WithLocation(4).WithArguments("TwoWays", "System.Text.Json cannot construct it; give it a public parameterless constructor or a single public one, or mark one [JsonConstructor]"));
    }

    [Fact]
    public async Task Under_Native_AOT_event_and_snapshot_types_missing_from_every_JsonSerializerContext_are_warnings()
    {
        await Verify.VerifyAsync(
            """
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Text.Json.Serialization.Metadata;
            using PatternsGen;
            [Event] public sealed record Listed(int A);
            [Event] public sealed record {|#0:Forgotten|}(int A);
            public sealed record {|#1:State|}(int A);
            [Aggregate(SnapshotEvery = 10)]
            public partial class Order
            {
                private void Apply(Listed e) { }
                private State CreateSnapshot() => new(1);
                private void RestoreSnapshot(State state) { }
            }

            [JsonSerializable(typeof(Listed))]
            internal partial class AppJson : JsonSerializerContext
            {
                public AppJson() : base(null) { }
                public override JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            }
            """,
            withRuntime: true,
            Aot,
            Verify.Diagnostic("PGEN206").WithLocation(0).WithArguments("Forgotten"),
            Verify.Diagnostic("PGEN206").WithLocation(1).WithArguments("State"));
    }

    [Fact]
    public async Task Without_AOT_no_JSON_metadata_is_required()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            [Event] public sealed record Forgotten(int A);
            """);
    }
}
