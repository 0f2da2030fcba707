namespace PatternsGen.Testing.Tests;

public sealed class VerifierTests
{
    [Fact]
    public async Task Markup_states_the_expected_diagnostic_and_the_pinned_references_resolve_offline()
    {
        await AnalyzerVerifier<BadNameAnalyzer>.VerifyAsync("""
            using System.Linq;
            using PatternsGen;

            [Aggregate]
            class {|TEST001:Bad|} { int M() => new[] { 1 }.Sum(); }
            """);
    }

    [Fact]
    public async Task A_missing_expected_diagnostic_fails()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => AnalyzerVerifier<BadNameAnalyzer>.VerifyAsync("class Bad {}"));
    }

    [Fact]
    public async Task Without_the_runtime_the_attributes_do_not_resolve()
    {
        await AnalyzerVerifier<BadNameAnalyzer>.VerifyAsync("[{|CS0246:PatternsGen|}.Aggregate] class Good {}", withRuntime: false);
    }
}
