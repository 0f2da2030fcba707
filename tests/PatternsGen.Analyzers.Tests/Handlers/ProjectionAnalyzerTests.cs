using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.Handlers.ProjectionAnalyzer>;

namespace PatternsGen.Analyzers.Tests.Handlers;

public sealed class ProjectionAnalyzerTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        using PatternsGen.EventSourcing;
        public sealed record OrderPlaced(string OrderId);
        public sealed record OrderSubmitted(string OrderId);

        """;

    [Fact]
    public async Task Project_methods_of_the_wrong_shape_and_two_for_one_type_are_errors()
    {
        await Verify.VerifyAsync(Usings + """
            [Projection]
            public partial class OrdersView
            {
                public void Project(OrderPlaced e) { }
                public Task {|#0:Project|}(OrderPlaced e, CancellationToken ct) => Task.CompletedTask;
                public bool {|#1:Project|}(OrderSubmitted e) => true;
                public Task Project(OrderSubmitted e, RecordedEvent recorded, CancellationToken ct) => Task.CompletedTask;
                public void {|#2:Project|}(OrderSubmitted e, object context, CancellationToken ct) { }
            }
            """,
            Verify.Diagnostic("PGEN307").WithLocation(0).WithArguments("OrdersView", "OrderPlaced"),
            Verify.Diagnostic("PGEN306").WithLocation(1).WithArguments("OrdersView", "a projection method returns void, Task or ValueTask"),
            Verify.Diagnostic("PGEN306").WithLocation(2).WithArguments("OrdersView", "a projection method takes (TEvent), (TEvent, CancellationToken) or (TEvent, RecordedEvent, CancellationToken)"));
    }

    [Fact]
    public async Task A_projection_with_no_callable_Project_method_is_a_warning_on_its_name()
    {
        await Verify.VerifyAsync(Usings + """
            [Projection]
            public partial class {|#0:OrdersView|}
            {
                public void When(OrderPlaced e) { }
            }

            public partial class NotAProjection
            {
            }
            """,
            Verify.Diagnostic("PGEN308").WithLocation(0).WithArguments("OrdersView"));
    }
}
