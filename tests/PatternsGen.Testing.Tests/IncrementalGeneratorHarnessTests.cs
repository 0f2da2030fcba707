using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace PatternsGen.Testing.Tests;

public sealed class IncrementalGeneratorHarnessTests
{
    [Fact]
    public void A_generator_with_value_models_passes_the_rerun_check()
    {
        IncrementalGeneratorHarness.AssertCachedOnRerun(
            new ValueModelGenerator(), [ValueModelGenerator.Step], "partial class MarkerOne {}", "partial class MarkerTwo {}");
    }

    [Fact]
    public void A_model_holding_a_symbol_fails_the_rerun_check()
    {
        var failure = Assert.Throws<XunitException>(() => IncrementalGeneratorHarness.AssertCachedOnRerun(
            new SymbolModelGenerator(), [SymbolModelGenerator.Step], "class One {}"));

        Assert.Contains("holds a", failure.Message);
    }

    [Fact]
    public void The_walk_finds_roslyn_objects_nested_in_collections_and_records()
    {
        var symbol = TestCompilation.Create("class One {}").GetTypeByMetadataName("One")!;
        var nested = new { Items = new object[] { 1, "two", new SymbolModelGenerator.SymbolModel(symbol) } };

        var failure = Assert.Throws<XunitException>(() => IncrementalGeneratorHarness.AssertNoRoslynObjects(nested, "model"));

        Assert.Contains("model.<Items>i__Field[2].<Symbol>k__BackingField", failure.Message);
    }

    [Fact]
    public void A_step_name_that_never_ran_fails_instead_of_passing_vacuously()
    {
        var failure = Assert.Throws<XunitException>(() => IncrementalGeneratorHarness.AssertCachedOnRerun(
            new ValueModelGenerator(), ["NoSuchStep"], "partial class MarkerOne {}"));

        Assert.Contains("NoSuchStep", failure.Message);
    }

    [Fact]
    public void Rerun_reasons_show_which_outputs_an_edit_touched()
    {
        var first = GeneratorRun.Create(new ValueModelGenerator(), "partial class MarkerOne {}", "partial class MarkerTwo {}");

        var reasons = IncrementalGeneratorHarness.RerunAfter(
            first,
            c => c.ReplaceSyntaxTree(c.SyntaxTrees.Last(), CSharpSyntaxTree.ParseText("partial class MarkerThree {}", TestReferences.ParseOptions)),
            ValueModelGenerator.Step);

        var steps = reasons[ValueModelGenerator.Step];
        Assert.Equal(2, steps.Length);
        Assert.Equal(IncrementalStepRunReason.Unchanged, steps[0]); // MarkerOne's file was not touched
        Assert.Equal(IncrementalStepRunReason.Modified, steps[1]);  // MarkerTwo became MarkerThree
    }
}
