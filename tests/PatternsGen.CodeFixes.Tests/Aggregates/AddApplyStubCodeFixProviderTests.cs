using Verify = PatternsGen.Testing.CodeFixVerifier<
    PatternsGen.Analyzers.Aggregates.AggregateAnalyzer,
    PatternsGen.CodeFixes.Aggregates.AddApplyStubCodeFixProvider>;

namespace PatternsGen.CodeFixes.Tests.Aggregates;

public sealed class AddApplyStubCodeFixProviderTests
{
    [Fact]
    public async Task Adds_an_empty_Apply_after_the_last_Apply_method()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            namespace Shop.Events { public sealed record OrderPlaced; public sealed record OrderShipped; }
            namespace Shop
            {
                using Shop.Events;

                [Aggregate]
                public partial class Order
                {
                    public void Ship() => Raise({|PGEN201:new OrderShipped()|});

                    private void Apply(OrderPlaced e) { }

                    protected void Raise(object e) { }
                }
            }
            """,
            """
            using PatternsGen;
            namespace Shop.Events { public sealed record OrderPlaced; public sealed record OrderShipped; }
            namespace Shop
            {
                using Shop.Events;

                [Aggregate]
                public partial class Order
                {
                    public void Ship() => Raise(new OrderShipped());

                    private void Apply(OrderPlaced e) { }

                    private void Apply(OrderShipped e)
                    {
                    }

                    protected void Raise(object e) { }
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_all_adds_one_stub_per_event_type_and_keeps_the_next_member_apart()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public sealed record Added;
            public sealed record Removed;
            public sealed record Cleared;

            [Aggregate]
            public partial class Cart
            {
                public void Add() => Raise(new Added());
                public void Remove() => Raise({|PGEN201:new Removed()|});
                public void RemoveAll() => Raise({|PGEN201:new Removed()|});
                public void Clear() => Raise({|PGEN201:new Cleared()|});
                private void Apply(Added e) { }
                public bool IsEmpty => true;
                protected void Raise(object e) { }
            }
            """,
            """
            using PatternsGen;
            public sealed record Added;
            public sealed record Removed;
            public sealed record Cleared;

            [Aggregate]
            public partial class Cart
            {
                public void Add() => Raise(new Added());
                public void Remove() => Raise(new Removed());
                public void RemoveAll() => Raise(new Removed());
                public void Clear() => Raise(new Cleared());
                private void Apply(Added e) { }

                private void Apply(Removed e)
                {
                }

                private void Apply(Cleared e)
                {
                }

                public bool IsEmpty => true;
                protected void Raise(object e) { }
            }
            """);
    }

    [Fact]
    public async Task Adds_the_stub_at_the_end_when_there_is_no_Apply_yet()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public readonly record struct LineAdded(int Quantity);
            [Aggregate]
            public partial class Cart
            {
                public void Add(int quantity) => Raise({|PGEN201:new LineAdded(quantity)|});
                protected void Raise(object e) { }
            }
            """,
            """
            using PatternsGen;
            public readonly record struct LineAdded(int Quantity);
            [Aggregate]
            public partial class Cart
            {
                public void Add(int quantity) => Raise(new LineAdded(quantity));
                protected void Raise(object e) { }

                private void Apply(LineAdded e)
                {
                }
            }
            """);
    }
}
