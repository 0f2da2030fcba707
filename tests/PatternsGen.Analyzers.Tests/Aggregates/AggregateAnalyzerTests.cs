using Microsoft.CodeAnalysis.Testing;
using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.Aggregates.AggregateAnalyzer>;

namespace PatternsGen.Analyzers.Tests.Aggregates;

public sealed class AggregateAnalyzerTests
{
    // What the generator adds, written out: analyzer tests run without generators.
    private const string Generated = """

        public partial class Order
        {
            protected void Raise(object @event) { }
        }
        """;

    [Fact]
    public async Task Raising_an_event_no_Apply_accepts_is_a_warning_on_the_argument()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public sealed record OrderPlaced;
            public sealed record OrderShipped;
            [Aggregate]
            public partial class Order
            {
                public void Place() => Raise(new OrderPlaced());
                public void Ship() => Raise({|#0:new OrderShipped()|});
                private void Apply(OrderPlaced e) { }
            }
            """ + Generated,
            Verify.Diagnostic("PGEN201").WithLocation(0).WithArguments("Order", "OrderShipped"));
    }

    [Fact]
    public async Task Raise_is_checked_in_derived_and_nested_types_too()
    {
        // Invocations are looked at only where Raise can be called from: the aggregate, and types derived from or nested in it.
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public sealed record OrderPlaced;
            public sealed record OrderShipped;
            public sealed record OrderLost;
            [Aggregate]
            public partial class Order
            {
                private void Apply(OrderPlaced e) { }

                public sealed class Shipper
                {
                    public void Ship(Order order) => order.Raise({|#1:new OrderShipped()|});
                }
            }

            public class RushOrder : Order
            {
                public void Lose() => Raise({|#0:new OrderLost()|});
            }
            """ + Generated,
            Verify.Diagnostic("PGEN201").WithLocation(0).WithArguments("Order", "OrderLost"),
            Verify.Diagnostic("PGEN201").WithLocation(1).WithArguments("Order", "OrderShipped"));
    }

    [Fact]
    public async Task Apply_on_a_base_or_interface_or_object_covers_the_raised_type()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public interface IOrderEvent { }
            public abstract record OrderEvent;
            [Event] public sealed record OrderPlaced : OrderEvent;
            [Event] public readonly record struct LineAdded(int Quantity) : IOrderEvent;
            public sealed record Anything;
            [Aggregate]
            public partial class Order
            {
                public void Place() => Raise(new OrderPlaced());
                public void Add() => Raise(new LineAdded(1));
                public void Any(object e) => Raise(e);
                public void Base(OrderEvent e) => Raise(e);
                private void Apply(OrderEvent e) { }
                private void Apply(IOrderEvent e) { }
            }
            """ + Generated);
    }

    [Fact]
    public async Task A_raised_event_applied_only_through_an_interface_and_without_Event_is_a_warning()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public interface IOrderEvent { }
            public sealed record NoteAdded(string Text) : IOrderEvent;
            [Event("order.tagged")] public sealed record Tagged : IOrderEvent;
            public sealed record Placed : IOrderEvent;
            [Aggregate]
            public partial class Order
            {
                public void Note() => Raise({|#0:new NoteAdded("x")|});
                public void Tag() => Raise(new Tagged());
                public void Place() => Raise(new Placed());
                private void Apply(Placed e) { }
                private void Apply(IOrderEvent e) { }
            }
            """ + Generated,
            Verify.Diagnostic("PGEN209").WithLocation(0).WithArguments("Order", "NoteAdded"));
    }

    [Fact]
    public async Task A_non_sealed_static_type_is_accepted_when_a_subtype_has_an_Apply()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public abstract record OrderEvent;
            public sealed record OrderPlaced : OrderEvent;
            public sealed record Unhandled;
            [Aggregate]
            public partial class Order
            {
                public void Raise1(OrderEvent e) => Raise(e);
                public void Raise2(Unhandled e) => Raise({|#0:e|});
                private void Apply(OrderPlaced e) { }
            }
            """ + Generated,
            Verify.Diagnostic("PGEN201").WithLocation(0).WithArguments("Order", "Unhandled"));
    }

    [Fact]
    public async Task Apply_of_S_and_of_nullable_S_for_a_struct_event_are_two_Apply_for_one_type()
    {
        // C# allows both overloads; the switch sees one boxed S and could call only one of them.
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public sealed record OrderPlaced;
            public readonly record struct LineAdded(int Quantity);
            [Aggregate]
            public partial class Order
            {
                private void Apply(OrderPlaced e) { }
                private void Apply(LineAdded e) { }
                private void {|#0:Apply|}(LineAdded? e) { }
            }
            """,
            Verify.Diagnostic("PGEN202").WithLocation(0).WithArguments("Order", "LineAdded"));
    }

    [Fact]
    public async Task Apply_methods_the_switch_cannot_call_are_errors_that_say_why()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public sealed record E;
            [Aggregate]
            public partial class Order
            {
                private static void {|#0:Apply|}(E e) { }
                private void {|#1:Apply|}<T>(T e) { }
                private int {|#2:Apply|}(string e) => 0;
                private void {|#3:Apply|}(E a, E b) { }
                private void {|#4:Apply|}(ref int e) { }
                private void {|#5:Apply|}() { }
            }
            """,
            Verify.Diagnostic("PGEN203").WithLocation(0).WithArguments("Order.Apply(E)", "it is static"),
            Verify.Diagnostic("PGEN203").WithLocation(1).WithArguments("Order.Apply<T>(T)", "it is generic"),
            Verify.Diagnostic("PGEN203").WithLocation(2).WithArguments("Order.Apply(string)", "it returns a value (Apply must return void)"),
            Verify.Diagnostic("PGEN203").WithLocation(3).WithArguments("Order.Apply(E, E)", "it takes 2 parameters (Apply takes exactly one: the event)"),
            Verify.Diagnostic("PGEN203").WithLocation(4).WithArguments("Order.Apply(ref int)", "its parameter is ref, in or out"),
            Verify.Diagnostic("PGEN203").WithLocation(5).WithArguments("Order.Apply()", "it takes 0 parameters (Apply takes exactly one: the event)"));
    }

    [Fact]
    public async Task SnapshotEvery_without_capture_methods_or_not_positive_is_a_warning_on_the_attribute()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public sealed record State(int N);
            [{|#0:Aggregate(SnapshotEvery = 100)|}]
            public partial class NoMethods { }

            [{|#1:Aggregate(SnapshotEvery = 100)|}]
            public partial class Mismatched
            {
                private State CreateSnapshot() => new(1);
                private void RestoreSnapshot(string state) { }
            }

            [{|#2:Aggregate(SnapshotEvery = -1)|}]
            public partial class Negative
            {
                private State CreateSnapshot() => new(1);
                private void RestoreSnapshot(State state) { }
            }

            [Aggregate(SnapshotEvery = 100)]
            public partial class Fine
            {
                private State CreateSnapshot() => new(1);
                private void RestoreSnapshot(State? state) { }
            }
            """,
            Verify.Diagnostic("PGEN207").WithLocation(0).WithArguments("NoMethods", "declares no matching 'CreateSnapshot()' and 'RestoreSnapshot(state)' pair"),
            Verify.Diagnostic("PGEN207").WithLocation(1).WithArguments("Mismatched", "declares no matching 'CreateSnapshot()' and 'RestoreSnapshot(state)' pair"),
            Verify.Diagnostic("PGEN207").WithLocation(2).WithArguments("Negative", "SnapshotEvery is -1 (it must be positive)"));
    }

    [Fact]
    public async Task An_aggregate_without_a_parameterless_constructor_is_told_why_it_gets_no_LoadAsync()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            [Aggregate]
            public partial class {|#0:Order|}
            {
                public Order(string id) { }
            }

            [Aggregate]
            public partial class PrivateConstructor
            {
                private PrivateConstructor() { }
            }

            [Aggregate]
            public abstract partial class Base { }
            """,
            Verify.Diagnostic("PGEN208").WithLocation(0).WithArguments("Order", "has no parameterless constructor"));
    }

    [Fact]
    public async Task Broken_code_while_typing_does_not_crash_and_an_Apply_of_a_missing_type_is_reported()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            [Aggregate(SnapshotEvery = {|#0:missing|})]
            public partial class Order
            {
                private void {|#1:Apply|}({|#2:Missing|} e) { }
                public void Go() => Raise(new {|#3:Nope|}());
                protected void Raise(object e) { }
            }
            """,
            DiagnosticResult.CompilerError("CS0103").WithLocation(0).WithArguments("missing"),
            Verify.Diagnostic("PGEN203").WithLocation(1).WithArguments("Order.Apply(Missing)", "its parameter type does not exist"),
            DiagnosticResult.CompilerError("CS0246").WithLocation(2).WithArguments("Missing"),
            DiagnosticResult.CompilerError("CS0246").WithLocation(3).WithArguments("Nope"));
    }
}
