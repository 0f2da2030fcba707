using PatternsGen.Analyzers.General;
using PatternsGen.Testing;
using Verify = PatternsGen.Testing.AnalyzerVerifier<PatternsGen.Analyzers.General.PartialTypeAnalyzer>;

namespace PatternsGen.Analyzers.Tests.General;

public sealed class PartialTypeAnalyzerTests
{
    [Theory]
    [InlineData("[Aggregate]", "the aggregate members ([Aggregate])")]
    [InlineData("[Saga]", "the saga orchestrator ([Saga])")]
    [InlineData("[Projection]", "the projection dispatcher ([Projection])")]
    public async Task A_type_attribute_on_a_non_partial_class_is_an_error_on_its_name(string attribute, string what)
    {
        await Verify.VerifyAsync(
            $$"""
            using PatternsGen;
            {{attribute}}
            public class {|#0:Orders|} { }
            """,
            Verify.Diagnostic("PGEN900").WithLocation(0).WithArguments("Orders", what));
    }

    [Theory]
    [InlineData("[EventHandler]", "the event handler dispatcher ([EventHandler] on 'Handle')")]
    [InlineData("[AgentTool]", "the agent tools ([AgentTool] on 'Handle')")]
    public async Task A_method_attribute_makes_its_class_a_target(string attribute, string what)
    {
        await Verify.VerifyAsync(
            $$"""
            using PatternsGen;
            public sealed record OrderPlaced;
            public sealed class {|#0:Handlers|}
            {
                {{attribute}} public void Handle(OrderPlaced e) { }
            }
            """,
            Verify.Diagnostic("PGEN900").WithLocation(0).WithArguments("Handlers", what));
    }

    [Fact]
    public async Task Partial_types_are_fine_whatever_their_other_modifiers()
    {
        await Verify.VerifyAsync("""
            using PatternsGen;
            [Aggregate] public sealed partial class A { }
            [Saga] internal partial record B;
            public static partial class Tools { [AgentTool] public static string Echo(string s) => s; }
            """);
    }

    [Fact]
    public async Task Every_non_partial_containing_type_is_reported_too()
    {
        await Verify.VerifyAsync(
            """
            using PatternsGen;
            public class {|#0:Outer|}
            {
                public partial class {|#1:Middle|}
                {
                    [Aggregate] public class {|#2:Inner|} { }
                }
            }
            """,
            Verify.Diagnostic("PGEN900").WithLocation(2).WithArguments("Inner", "the aggregate members ([Aggregate])"),
            Verify.Diagnostic("PGEN900").WithLocation(0).WithArguments("Outer", "the code of its nested type 'Middle'"));
    }

    [Fact]
    public async Task Attributes_that_generate_nothing_into_the_type_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using PatternsGen;
            [Event("order.placed")] public sealed class OrderPlaced { }
            [Idempotent] public sealed class Plain { [Idempotent] public void M() { } }
            """);
    }

    [Fact]
    public async Task A_same_named_attribute_from_another_library_is_not_ours()
    {
        await Verify.VerifyAsync("""
            namespace Other { public sealed class AggregateAttribute : System.Attribute { } }
            [Other.Aggregate] public class NotOurs { }
            """);
    }

    [Fact]
    public async Task Without_a_PatternsGen_reference_the_analyzer_does_nothing()
    {
        await Verify.VerifyAsync("public class Plain { }", withRuntime: false);
    }

    [Fact]
    public void The_descriptor_links_to_its_docs_page() =>
        Assert.EndsWith("/docs/diagnostics/PGEN900.md", new PartialTypeAnalyzer().SupportedDiagnostics.Single().HelpLinkUri);
}
