using Verify = PatternsGen.Testing.CodeFixVerifier<
    PatternsGen.Analyzers.General.PartialTypeAnalyzer,
    PatternsGen.CodeFixes.General.MakePartialCodeFixProvider>;

namespace PatternsGen.CodeFixes.Tests.General;

public sealed class MakePartialCodeFixProviderTests
{
    [Fact]
    public async Task Adds_partial_after_the_other_modifiers()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            [Aggregate]
            public sealed class {|PGEN900:Order|} { }
            """,
            """
            using PatternsGen;
            [Aggregate]
            public sealed partial class Order { }
            """);
    }

    [Fact]
    public async Task Keeps_comments_in_front_when_the_type_has_no_modifiers()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;

            // The order aggregate.
            [Aggregate] class {|PGEN900:Order|} { }

            /// <summary>Handlers.</summary>
            record {|PGEN900:Handlers|}
            {
                [EventHandler("order.placed")] public void On(object e) { }
            }
            """,
            """
            using PatternsGen;

            // The order aggregate.
            [Aggregate] partial class Order { }

            /// <summary>Handlers.</summary>
            partial record Handlers
            {
                [EventHandler("order.placed")] public void On(object e) { }
            }
            """);
    }

    [Fact]
    public async Task Fixes_the_type_and_its_containers_together()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public static class {|PGEN900:Modules|}
            {
                [Saga] internal class {|PGEN900:Checkout|} { }
            }
            """,
            """
            using PatternsGen;
            public static partial class Modules
            {
                [Saga] internal partial class Checkout { }
            }
            """);
    }
}
