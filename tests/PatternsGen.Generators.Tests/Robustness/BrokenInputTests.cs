using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Agents;
using PatternsGen.Generators.Aggregates;
using PatternsGen.Generators.Projections;
using PatternsGen.Generators.Sagas;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Robustness;

/// <summary>Inputs the mutation fuzzer (tests/PatternsGen.Fuzzing.Tests) found to crash a generator, kept as regressions.</summary>
public sealed class BrokenInputTests
{
    [Fact]
    public void A_tool_method_written_outside_any_type_generates_nothing_and_does_not_throw()
    {
        var run = GeneratorRun.Create(new AgentToolGenerator(), """
            using PatternsGen;
            [AgentTool] public int Loose(int x) => x;
            """);

        AssertNoException(run);
        Assert.Empty(run.Files);
    }

    [Fact]
    public void A_property_without_a_name_in_an_object_parameter_does_not_throw()
    {
        var run = GeneratorRun.Create(new AgentToolGenerator(), """
            using PatternsGen;
            public sealed class Line { public int { get; set; } public string Sku { get; set; } = ""; }
            public partial class Tools
            {
                /// <summary>Takes a line.</summary>
                [AgentTool] public int Take(Line line) => 0;
            }
            """);

        AssertNoException(run);
    }

    [Theory]
    [InlineData("Aggregate", "private void Apply(E e) { }")]
    [InlineData("Projection", "public void Project(E e) { }")]
    [InlineData("Saga", "[SagaStep(1, Pivot = true)] public System.Threading.Tasks.Task<int> One(E c, System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.FromResult(1);")]
    public void An_attribute_on_two_declarations_of_one_partial_type_generates_one_file(string attribute, string member)
    {
        IIncrementalGenerator generator = attribute switch
        {
            "Aggregate" => new AggregateGenerator(),
            "Projection" => new ProjectionGenerator(),
            _ => new SagaGenerator(),
        };
        var run = GeneratorRun.Create(generator, $$"""
            using PatternsGen;
            [Event] public sealed record E;
            [{{attribute}}] public partial class Twice { {{member}} }
            [{{attribute}}] public partial class Twice { }
            """);

        AssertNoException(run);
        Assert.Single(run.Files, static f => f.HintName.StartsWith("Twice.", StringComparison.Ordinal));
    }

    private static void AssertNoException(GeneratorRun run) =>
        Assert.All(run.Result.Results, static r => Assert.Null(r.Exception));
}
