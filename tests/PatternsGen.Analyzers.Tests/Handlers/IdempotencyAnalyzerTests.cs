using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.Handlers.IdempotencyAnalyzer>;

namespace PatternsGen.Analyzers.Tests.Handlers;

public sealed class IdempotencyAnalyzerTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PatternsGen;
        using PatternsGen.EventSourcing;
        using PatternsGen.Messaging;
        [Event("order.paid")] public sealed record OrderPaid(string OrderId, decimal Amount);
        public sealed record ReceiptSent(string OrderId);
        public static class Mailer { [NonIdempotent] public static void Send(string to) { } }

        """;

    [Fact]
    public async Task PGEN002_reports_counting_adding_publishing_appending_with_Any_and_NonIdempotent_calls_with_each_place()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class Billing(IEventBus bus, IEventStore store)
            {
                private int _paid;
                private decimal _total;
                private readonly List<string> _log = new();
                private readonly HashSet<string> _seen = new();

                [EventHandler]
                public async Task {|#0:OnPaid|}(OrderPaid e, CancellationToken ct)
                {
                    {|#1:_paid++|};
                    {|#2:_total += e.Amount|};
                    {|#3:_log.Add(e.OrderId)|};
                    _seen.Add(e.OrderId);                 // a set: adding twice is harmless
                    var local = 0; local++;               // a local: gone after the call
                    _total = e.Amount;                    // a plain assignment: the same value twice
                    {|#4:Mailer.Send(e.OrderId)|};
                    await {|#5:bus.PublishAsync(new ReceiptSent(e.OrderId), ct)|};
                    await {|#6:store.AppendAsync("billing", ExpectedVersion.Any, new object[] { e }, ct)|};
                    await store.AppendAsync("billing-2", 3, new object[] { e }, ct); // a repeat is refused by the version
                }
            }
            """,
            Verify.Diagnostic("PGEN002").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(4).WithLocation(5).WithLocation(6)
                .WithArguments("OnPaid", "increments '_paid'", " (and does 5 more such things)"));
    }

    [Fact]
    public async Task A_handler_in_a_nested_class_is_looked_at_and_other_types_are_not()
    {
        // Operation blocks are analyzed only in types that declare a handler; a nested type declares its own.
        await Verify.VerifyAsync(Usings + """
            public partial class Outer
            {
                private int _count;
                public void NotAHandler() => _count++;

                public partial class Inner
                {
                    private int _seen;

                    [EventHandler]
                    public void {|#0:OnPaid|}(OrderPaid e) => {|#1:_seen++|};
                }
            }
            """,
            Verify.Diagnostic("PGEN002").WithLocation(0).WithLocation(1).WithArguments("OnPaid", "increments '_seen'", ""));
    }

    [Fact]
    public async Task Idempotent_handlers_or_classes_and_handlers_using_the_inbox_are_not_reported()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class ByMethod
            {
                private int _count;
                [EventHandler, Idempotent] public void On(OrderPaid e) => _count++;
            }

            [Idempotent]
            public partial class ByClass
            {
                private int _count;
                [EventHandler] public void On(OrderPaid e) => _count++;
            }

            public partial class ByInbox
            {
                private int _count;
                [EventHandler(UseInbox = true)] public void On(OrderPaid e) => _count++;
            }

            public partial class NotAHandler
            {
                private int _count;
                public void On(OrderPaid e) => _count++;
            }
            """);
    }

    [Fact]
    public async Task Work_in_a_lambda_of_the_handler_counts_and_the_message_names_the_one_thing_found()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class Counter
            {
                private readonly Dictionary<string, int> _byOrder = new();

                [EventHandler]
                public Task {|#0:On|}(OrderPaid e)
                {
                    System.Action bump = () => {|#1:_byOrder[e.OrderId] += 1|};
                    bump();
                    return Task.CompletedTask;
                }
            }
            """,
            Verify.Diagnostic("PGEN002").WithLocation(0).WithLocation(1).WithArguments("On", "updates '_byOrder[e.OrderId]' from its own value", ""));
    }
}
