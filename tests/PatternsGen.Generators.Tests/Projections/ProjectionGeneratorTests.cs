using PatternsGen.Generators.Projections;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Projections;

public sealed class ProjectionGeneratorTests
{
    private const string OrdersView = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        using PatternsGen.EventSourcing;

        namespace Shop.ReadModels;

        public interface IOrderEvent { string OrderId { get; } }
        [Event("order.placed")] public sealed record OrderPlaced(string OrderId, decimal Total) : IOrderEvent;
        [Event("order.submitted")] public readonly record struct OrderSubmitted(string OrderId) : IOrderEvent;

        [Projection(Name = "orders_view")]
        public partial class OrdersView
        {
            public Dictionary<string, string> Status { get; } = new();

            public void Project(IOrderEvent e) => Status.TryAdd(e.OrderId, "seen");

            public Task Project(OrderPlaced e, CancellationToken ct) { Status[e.OrderId] = "placed"; return Task.CompletedTask; }

            public ValueTask Project(OrderSubmitted e, RecordedEvent recorded, CancellationToken ct) { Status[e.OrderId] = "submitted at " + recorded.Timestamp; return default; }

            public Task ResetAsync(CancellationToken ct) { Status.Clear(); return Task.CompletedTask; }
        }

        [Projection]
        public partial class Counter
        {
            public int Count { get; private set; }

            public void Project(object e) => Count++;
        }
        """;

    [Fact]
    public void Implements_IProjection_with_a_type_switch_most_specific_first_and_the_reset()
    {
        var run = GeneratorRun.Create(new ProjectionGenerator(), OrdersView).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Fact]
    public void A_second_run_is_fully_cached_and_models_hold_no_roslyn_objects() =>
        IncrementalGeneratorHarness.AssertCachedOnRerun(new ProjectionGenerator(), [TrackingNames.ProjectionModels], OrdersView);
}
