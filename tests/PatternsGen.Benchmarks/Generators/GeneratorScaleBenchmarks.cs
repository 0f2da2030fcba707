using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PatternsGen.Benchmarks.Generators;

/// <summary>
/// All PatternsGen generators over <see cref="ScaleSolution"/>: a whole build (generators, then the compiler
/// emitting the assembly: the baseline, so the Ratio column is the generators' share of it), the generators
/// alone on a fresh compilation (a command-line build), and the generators after a one-line edit with the
/// previous run's state kept (what an IDE does on each keystroke): a method body edited, and an Apply added.
/// Roslyn reruns every ForAttributeWithMetadataName transform on each new compilation (symbols are rebuilt per
/// compilation, so a cached tree may still mean something new), so an edit costs a pass over every attributed
/// node; <see cref="AttributeLookupGenerator"/> shows the part of that any such generator pays.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class GeneratorScaleBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _lookupOnly = null!;
    private int _generation;

    [Params(1000)]
    public int Types { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = ScaleSolution.Create(Types);
        _warm = NewDriver().RunGenerators(_compilation.Clone());
        _lookupOnly = CSharpGeneratorDriver.Create([new AttributeLookupGenerator().AsSourceGenerator()], parseOptions: PatternsGen.Testing.TestReferences.ParseOptions).RunGenerators(_compilation.Clone());
        var result = _warm.GetRunResult();
        var output = _compilation.AddSyntaxTrees(result.GeneratedTrees);
        var errors = result.Diagnostics.Concat(output.GetDiagnostics()).Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (errors.Count > 0 || result.GeneratedTrees.Length < Types)
        {
            throw new InvalidOperationException($"the scale solution must build cleanly: {result.GeneratedTrees.Length} files, {string.Join("\n", errors.Take(10))}");
        }
    }

    [Benchmark(Baseline = true)]
    public long Build_GeneratorsAndCompiler()
    {
        NewDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out var output, out _);
        using var assembly = new MemoryStream();
        var emitted = output.Emit(assembly);
        return emitted.Success ? assembly.Length : throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Take(5)));
    }

    [Benchmark]
    public int Generators_FullRun() => NewDriver().RunGenerators(_compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int Generators_AfterMethodBodyEdit() =>
        _warm.RunGenerators(ScaleSolution.EditMethodBody(_compilation, ++_generation)).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int Generators_AfterApplyAdded() =>
        _warm.RunGenerators(ScaleSolution.AddApply(_compilation, ++_generation)).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int AttributeLookupOnly_AfterMethodBodyEdit() =>
        _lookupOnly.RunGenerators(ScaleSolution.EditMethodBody(_compilation, ++_generation)).GetRunResult().Results.Length;

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            ScaleSolution.Generators.Select(GeneratorExtensions.AsSourceGenerator),
            parseOptions: PatternsGen.Testing.TestReferences.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}

/// <summary>
/// The least a generator built on ForAttributeWithMetadataName does: for each PatternsGen attribute, the attributed
/// symbol's name and member count, collected. Beside the real generators after an edit, it separates what Roslyn
/// costs from what PatternsGen's parsers cost.
/// </summary>
internal sealed class AttributeLookupGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (var attribute in new[] { "PatternsGen.AggregateAttribute", "PatternsGen.SagaAttribute", "PatternsGen.EventAttribute", "PatternsGen.EventHandlerAttribute", "PatternsGen.AgentToolAttribute" })
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (_, _) => true,
                static (target, _) => target.TargetSymbol.Name + (target.TargetSymbol is INamedTypeSymbol type ? type.GetMembers().Length : 0));
            context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
        }
    }
}
