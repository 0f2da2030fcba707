using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.Handlers.EventHandlerAnalyzer>;

namespace PatternsGen.Analyzers.Tests.Handlers;

public sealed class EventHandlerAnalyzerTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        using PatternsGen.Messaging;
        [Event("order.created")] public sealed record OrderCreated(string OrderId);
        [Event("order.cancelled")] public sealed record OrderCancelled(string OrderId);

        """;

    [Fact]
    public async Task Bad_shapes_and_async_void_are_errors_on_the_handler_name()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class Handlers
            {
                [EventHandler] public Task Good(OrderCreated e, EventContext context, CancellationToken ct) => Task.CompletedTask;
                [EventHandler] public async void {|#0:Fire|}(OrderCancelled e) => await Task.Yield();
                [EventHandler] public static void {|#1:Static|}(OrderCreated e) { }
                [EventHandler] public Task<int> {|#2:Returns|}(OrderCancelled e) => Task.FromResult(0);
                [EventHandler] public void {|#3:NoEvent|}(CancellationToken ct) { }
                [EventHandler] public void {|#4:Swapped|}(OrderCancelled e, CancellationToken ct, EventContext context) { }
            }
            """,
            Verify.Diagnostic("PGEN302").WithLocation(0).WithArguments("Fire"),
            Verify.Diagnostic("PGEN301").WithLocation(1).WithArguments("Static", "a handler is a non-generic instance method"),
            Verify.Diagnostic("PGEN301").WithLocation(2).WithArguments("Returns", "a handler returns void, Task or ValueTask"),
            Verify.Diagnostic("PGEN301").WithLocation(3).WithArguments("NoEvent", "a handler takes (TEvent), (TEvent, CancellationToken) or (TEvent, EventContext, CancellationToken)"),
            Verify.Diagnostic("PGEN301").WithLocation(4).WithArguments("Swapped", "a handler takes (TEvent), (TEvent, CancellationToken) or (TEvent, EventContext, CancellationToken)"));
    }

    [Fact]
    public async Task Topics_must_name_an_event_of_the_project_and_match_the_parameter_type()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class Handlers
            {
                [EventHandler("order.created")] public void Known(OrderCreated e) { }
                [EventHandler("order.cancelled")] public void AnyShape(object e) { }
                [EventHandler("order.craeted")] public void {|#0:Typo|}(object e) { }
            }

            public partial class Mistyped
            {
                [EventHandler("order.cancelled")] public void {|#1:WrongType|}(OrderCreated e) { }
            }
            """,
            Verify.Diagnostic("PGEN303").WithLocation(0).WithArguments("Typo", "order.craeted"),
            Verify.Diagnostic("PGEN304").WithLocation(1).WithArguments("WrongType", "order.cancelled", "OrderCreated", "order.created"));
    }

    [Fact]
    public async Task Two_handlers_of_one_class_for_the_same_event_type_or_topic_are_errors()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class Handlers
            {
                [EventHandler] public void First(OrderCreated e) { }
                [EventHandler] public Task {|#0:Second|}(OrderCreated e, CancellationToken ct) => Task.CompletedTask;
                [EventHandler("order.cancelled")] public void ByTopic(object e) { }
                [EventHandler("order.cancelled")] public void {|#1:ByTopicAgain|}(object e) { }
            }

            public partial class Others
            {
                [EventHandler] public void First(OrderCreated e) { } // another class: fine
            }
            """,
            Verify.Diagnostic("PGEN305").WithLocation(0).WithArguments("Second", "'OrderCreated'", "First"),
            Verify.Diagnostic("PGEN305").WithLocation(1).WithArguments("ByTopicAgain", "topic 'order.cancelled'", "ByTopic"));
    }
}
