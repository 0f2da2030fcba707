using PatternsGen.Generators.Aggregates;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Aggregates;

public sealed class AggregateGeneratorTests
{
    [Fact]
    public void Generates_the_contract_members_for_a_simple_aggregate()
    {
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            namespace Shop.Orders;

            [Event("order.placed")] public sealed record OrderPlaced(string OrderId, decimal Total);
            [Event("order.shipped")] public sealed record OrderShipped(string OrderId);

            [Aggregate]
            public partial class Order
            {
                public decimal Total { get; private set; }
                public bool Shipped { get; private set; }

                public void Place(string id, decimal total) => Raise(new OrderPlaced(id, total));

                private void Apply(OrderPlaced e) => Total = e.Total;
                private void Apply(OrderShipped e) => Shipped = true;
            }
            """).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void Snapshots_through_CreateSnapshot_and_RestoreSnapshot_when_SnapshotEvery_is_set()
    {
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            namespace Shop;

            public sealed record Deposited(decimal Amount);
            public sealed record AccountState(decimal Balance);

            [Aggregate(SnapshotEvery = 50, SnapshotVersion = 3)]
            public sealed partial class Account
            {
                public decimal Balance { get; private set; }

                private void Apply(Deposited e) => Balance += e.Amount;

                private AccountState CreateSnapshot() => new(Balance);

                private void RestoreSnapshot(AccountState state) => Balance = state.Balance;
            }
            """).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void Tests_derived_and_interface_event_types_before_their_bases_and_object_last()
    {
        // Declared most general first: the switch must reorder them or fail with CS8120.
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            namespace Shop;

            public interface IOrderEvent { }
            public interface IPaymentEvent : IOrderEvent { }
            public abstract record OrderEvent : IOrderEvent;
            public sealed record PaymentCaptured : OrderEvent, IPaymentEvent;
            public readonly record struct LineAdded(int Quantity) : IOrderEvent;

            [Aggregate]
            public partial class Ledger
            {
                public int Seen { get; private set; }

                private void Apply(object e) => Seen++;
                private void Apply(IOrderEvent e) => Seen++;
                private void Apply(OrderEvent e) => Seen++;
                private void Apply(IPaymentEvent e) => Seen++;
                private void Apply(PaymentCaptured e) => Seen++;
                private void Apply(LineAdded e) => Seen++;
            }
            """).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void Reopens_nested_and_generic_containing_types()
    {
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            namespace Shop.Inventory
            {
                public sealed record Restocked(int Count);

                public static partial class Modules
                {
                    internal partial class Warehouse<TKey> where TKey : notnull
                    {
                        [Aggregate]
                        public sealed partial record Bin
                        {
                            public int Count { get; private set; }
                            private void Apply(Restocked e) => Count += e.Count;
                            public void Restock(int count) => Raise(new Restocked(count));
                        }
                    }
                }
            }
            """).AssertCompilesCleanly();

        Assert.Equal(["Shop.Inventory.Modules.Warehouse`1.Bin.Aggregate.g.cs"], run.Files.Select(static f => f.HintName));
        Snapshot.Verify(run);
    }

    [Fact]
    public void Works_in_the_global_namespace_with_keyword_names_and_struct_events_taken_as_nullable()
    {
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            public readonly record struct @event(int Amount);

            [Aggregate]
            public partial class @checked
            {
                public int Total { get; private set; }
                private void Apply(@event? e) => Total += e?.Amount ?? 0;
            }
            """).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void Leaves_out_FromEvents_when_there_is_no_parameterless_constructor()
    {
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            public sealed record Opened;

            [Aggregate]
            public partial class Account
            {
                public Account(string owner) => Owner = owner;
                public string Owner { get; }
                private void Apply(Opened e) { }
            }
            """).AssertCompilesCleanly();

        Assert.DoesNotContain("FromEvents", run.File("Account.Aggregate.g.cs"));
    }

    [Fact]
    public void Skips_Apply_methods_the_switch_cannot_call()
    {
        // Static, generic, by-ref, non-void and two-parameter Apply methods are not event appliers;
        // the analyzers explain why. Only Apply(Good) reaches the switch.
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            public sealed record Good;
            public sealed record Bad;

            [Aggregate]
            public partial class Picky
            {
                private void Apply(Good e) { }
                private static void Apply(Bad e, int extra) { }
                private void Apply<T>(T e) { }
                private void Apply(ref int e) { }
                private int Apply(string e) => 0;
                private void Apply(Good e, Bad f) { }
            }
            """).AssertCompilesCleanly();

        var text = run.File("Picky.Aggregate.g.cs");
        Assert.Contains("typeof(global::Good)", text);
        Assert.DoesNotContain("global::Bad", text);
        Assert.DoesNotContain("typeof(string)", text);
        Assert.DoesNotContain("case string", text);
    }

    [Fact]
    public void Generates_nothing_for_a_type_that_is_not_partial_so_only_PGEN900_is_reported()
    {
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            using PatternsGen;

            [Aggregate] public class NotPartial { }
            public class Outer { [Aggregate] public partial class InNonPartial { } }
            """);

        Assert.Empty(run.Files);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void An_aggregate_with_no_Apply_methods_still_compiles_and_rejects_every_event()
    {
        var run = GeneratorRun.Create(new AggregateGenerator(), """
            [PatternsGen.Aggregate] public partial class Empty { }
            """).AssertCompilesCleanly();

        Assert.Contains("UnknownEventException", run.File("Empty.Aggregate.g.cs"));
    }
}
