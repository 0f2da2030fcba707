using Verify = PatternsGen.Testing.CodeFixVerifier<
    PatternsGen.Analyzers.Handlers.IdempotencyAnalyzer,
    PatternsGen.CodeFixes.Handlers.MakeHandlerIdempotentCodeFixProvider>;

namespace PatternsGen.CodeFixes.Tests.Handlers;

public sealed class MakeHandlerIdempotentCodeFixProviderTests
{
    private const string Before = """
        using PatternsGen;

        public sealed record OrderPaid(string OrderId);

        public partial class Billing
        {
            private int _paid;

            [EventHandler]
            public void {|PGEN002:OnPaid|}(OrderPaid e) => _paid++;

            [EventHandler("order.refunded")]
            public void {|PGEN002:OnRefunded|}(object e) => _paid--;
        }
        """;

    [Fact]
    public async Task Opts_the_handler_into_the_inbox()
    {
        await Verify.VerifyAsync(Before, """
            using PatternsGen;

            public sealed record OrderPaid(string OrderId);

            public partial class Billing
            {
                private int _paid;

                [EventHandler(UseInbox = true)]
                public void OnPaid(OrderPaid e) => _paid++;

                [EventHandler("order.refunded", UseInbox = true)]
                public void OnRefunded(object e) => _paid--;
            }
            """, "UseInbox");
    }

    [Fact]
    public async Task Marks_the_handler_idempotent()
    {
        await Verify.VerifyAsync(Before, """
            using PatternsGen;

            public sealed record OrderPaid(string OrderId);

            public partial class Billing
            {
                private int _paid;

                [EventHandler, Idempotent]
                public void OnPaid(OrderPaid e) => _paid++;

                [EventHandler("order.refunded"), Idempotent]
                public void OnRefunded(object e) => _paid--;
            }
            """, "Idempotent");
    }
}
