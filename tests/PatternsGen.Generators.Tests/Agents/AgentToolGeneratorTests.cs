using PatternsGen.Generators.Agents;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Agents;

public sealed class AgentToolGeneratorTests
{
    private const string OrderTools = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;

        namespace Shop.Agents;

        public enum OrderStatus { Pending, Shipped, Cancelled }

        public sealed record OrderSummary(string Id, OrderStatus Status, decimal Total);

        /// <summary>Where an order goes.</summary>
        /// <param name="Street">Street and number.</param>
        public sealed record Address(string Street, string City, [property: Description("Postal code, if the country has them.")] string? Zip = null);

        public sealed class LineItem
        {
            /// <summary>The product's SKU.</summary>
            public required string ProductId { get; init; }

            public int Quantity { get; set; } = 1;

            public List<string>? Notes { get; set; }

            public OrderStatus? Status { get; set; }

            public int Computed => Quantity * 2;
        }

        public record struct Window(DateTime From, DateTime To)
        {
            public bool Inclusive { get; init; }
        }

        public partial class OrderTools
        {
            /// <summary>Finds a customer's orders, newest first.</summary>
            /// <param name="customer">The customer's e-mail address.</param>
            /// <param name="status">Only orders in this status.</param>
            [AgentTool("search_orders")]
            public Task<IReadOnlyList<OrderSummary>> SearchOrders(
                string customer, OrderStatus? status = null, int limit = 10, DateTimeOffset? since = null, CancellationToken ct = default) =>
                Task.FromResult<IReadOnlyList<OrderSummary>>([]);

            [AgentTool(Description = "Cancels an order \"now\".", RequiresApproval = true)]
            public ValueTask CancelOrder(Guid orderId, [Description("Why, for the customer.")] string? reason, IServiceProvider services) => default;

            [AgentTool]
            public double AverageOf(double[] values, List<int> weights, Uri? source = null, bool round = true, decimal scale = 1.5m) => 0;

            [AgentTool]
            public string GetHTTPStatus(long code, IEnumerable<OrderStatus> filter, string note = "none") => "";

            [AgentTool(Description = "Places an order.")]
            public string PlaceOrder(Address shipTo, LineItem[] items, Window? window = null, Address? billTo = null) => "";

            /// <summary>Counts a customer's orders: plain scalars only, so bound in place first.</summary>
            [AgentTool]
            public Task<int> CountOrders(string customer, OrderStatus status = OrderStatus.Pending, bool open = true, OrderStatus? not = null, int? limit = 10, CancellationToken ct = default) =>
                Task.FromResult(0);

            /// <summary>Holds stock.</summary>
            [AgentTool]
            public void Reserve(string sku, long quantity, double weight = 0.5)
            {
            }
        }
        """;

    [Fact]
    public void Writes_schemas_at_build_time_and_binding_code_per_tool()
    {
        var run = GeneratorRun.Create(new AgentToolGenerator(), OrderTools).AssertCompilesCleanly();

        Snapshot.Verify(run);
    }

    [Theory]
    [InlineData("SearchOrders", "search_orders")]
    [InlineData("GetHTTPStatus", "get_http_status")]
    [InlineData("Ping", "ping")]
    [InlineData("ComputeV2Total", "compute_v2_total")]
    public void Tool_names_default_to_snake_case(string method, string tool) => Assert.Equal(tool, PatternsGen.Roslyn.AgentToolNames.SnakeCase(method));

    [Fact]
    public void A_tool_with_an_unsupported_parameter_or_an_invalid_name_is_left_out()
    {
        var run = GeneratorRun.Create(new AgentToolGenerator(), """
            using PatternsGen;
            public sealed class Blob { public Blob(System.IO.Stream data) { } }
            public partial class Tools
            {
                [AgentTool] public int Good(int x) => x;
                [AgentTool] public int TakesBlob(Blob b) => 0;
                [AgentTool("has spaces")] public int BadName() => 0;
                [AgentTool] public static int Static() => 0;
            }
            """).AssertCompilesCleanly();

        var text = run.File("Tools.AgentTools.g.cs");
        Assert.Contains("owner.Good(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TakesBlob", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BadName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Static", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_is_fully_cached_and_models_hold_no_roslyn_objects() =>
        IncrementalGeneratorHarness.AssertCachedOnRerun(new AgentToolGenerator(), [TrackingNames.AgentToolModels, TrackingNames.AgentToolRegistry], OrderTools);
}
