using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PatternsGen.Benchmarks.Generators;

/// <summary>
/// All PatternsGen analyzers over <see cref="ScaleSolution"/> with its generated code, on a fresh compilation each
/// time, as a build runs them (<c>GetAllDiagnosticsAsync</c>: the compiler's diagnostics and the analyzers',
/// concurrent). The baseline hosts one analyzer that does nothing (<see cref="EmptySymbolAnalyzer"/>): hosting any
/// analyzer this way costs a second pass of binding, which a command-line build shares with emitting, so the
/// ratio is what PatternsGen's analyzers add. <c>Compiler</c> is the compiler's diagnostics alone, for scale.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class AnalyzerScaleBenchmarks
{
    private Compilation _compilation = null!;

    [GlobalSetup]
    public void Setup() => _compilation = ScaleSolution.CreateWithGeneratedCode(1000);

    [Benchmark]
    public int Compiler() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Baseline = true)]
    public int CompilerAndEmptyAnalyzer() => Run([new EmptySymbolAnalyzer()]);

    [Benchmark]
    public int CompilerAndPatternsGenAnalyzers() => Run(ScaleSolution.Analyzers);

    private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = _compilation.Clone().WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics.Any(static d => d.Id == "AD0001" || d.Severity == DiagnosticSeverity.Error)
            ? throw new InvalidOperationException(string.Join("\n", diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5)))
            : diagnostics.Length;
    }
}

/// <summary>
/// Each analyzer alone over <see cref="ScaleSolution"/> with its generated code, on one compilation the compiler
/// has already bound (symbols are built once per compilation; each run makes new semantic models, so operation
/// analyzers still bind every method body they look at). The baseline is an analyzer that registers a symbol
/// action for every type and does nothing in it: the least any symbol analyzer costs here.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByParams)]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5, invocationCount: 1)]
public class EachAnalyzerBenchmarks
{
    private Compilation _compilation = null!;
    private DiagnosticAnalyzer _analyzer = null!;

    public static IEnumerable<string> Names => ScaleSolution.Analyzers.Select(static a => a.GetType().Name);

    [ParamsSource(nameof(Names))]
    public string Analyzer { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _compilation = ScaleSolution.CreateWithGeneratedCode(1000);
        _ = _compilation.GetDiagnostics();
        _analyzer = ScaleSolution.Analyzers.Single(a => a.GetType().Name == Analyzer);
    }

    [Benchmark(Baseline = true)]
    public int EmptySymbolAnalyzer() => Run(new EmptySymbolAnalyzer());

    [Benchmark]
    public int ThisAnalyzer() => Run(_analyzer);

    private int Run(DiagnosticAnalyzer analyzer) =>
        _compilation.WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
}

/// <summary>A benchmark baseline, run by <see cref="EachAnalyzerBenchmarks"/> only; never loaded by a compiler.</summary>
#pragma warning disable RS1001 // no [DiagnosticAnalyzer]: that would make this benchmark assembly a compiler extension (RS1038, RS1041)
internal sealed class EmptySymbolAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
#pragma warning disable RS2008 // no release tracking: this rule is never reported
    private static readonly DiagnosticDescriptor Never = new("BENCH001", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
    }
}
