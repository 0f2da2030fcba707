using Xunit.Sdk;

namespace PatternsGen.Testing.Tests;

public sealed class GeneratorRunTests
{
    [Fact]
    public void Collects_generated_files_and_compiles_them_with_the_input()
    {
        var run = GeneratorRun.Create(new ValueModelGenerator(), "partial class MarkerOne { string Use() => Generated; }");

        run.AssertCompilesCleanly();
        Assert.Contains("MarkerOne", run.File("MarkerOne.g.cs"));
    }

    [Fact]
    public void A_warning_in_generated_code_fails_the_clean_compile_check()
    {
        var run = GeneratorRun.Create(new WarningGenerator(), "class C {}");

        var failure = Assert.Throws<XunitException>(() => run.AssertCompilesCleanly());
        Assert.Contains("CS0168", failure.Message);
    }

    [Fact]
    public void An_error_in_the_input_fails_the_clean_compile_check()
    {
        var run = GeneratorRun.Create(new ValueModelGenerator(), "class C { int M() => \"no\"; }");

        Assert.Throws<XunitException>(() => run.AssertCompilesCleanly());
    }

    [Fact]
    public void Test_compilations_see_the_framework_and_the_runtime_without_downloading_anything()
    {
        var compilation = TestCompilation.Create(
            "using System.Linq; [PatternsGen.Aggregate] class C { int M() => new[] { 1 }.Sum(); }");

        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Asking_for_a_file_that_was_not_generated_names_the_ones_that_were()
    {
        var run = GeneratorRun.Create(new ValueModelGenerator(), "partial class MarkerOne {}");

        var failure = Assert.Throws<XunitException>(() => run.File("Other.g.cs"));
        Assert.Contains("MarkerOne.g.cs", failure.Message);
    }
}
