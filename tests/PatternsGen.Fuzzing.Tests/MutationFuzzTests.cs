using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Testing;

namespace PatternsGen.Fuzzing.Tests;

/// <summary>
/// Mutants of the samples' sources (see <see cref="Mutator"/>) run through every generator and every analyzer.
/// No exception may escape either (no CS8785, no AD0001); each mutant either compiles or fails with compiler
/// and PGEN diagnostics only; and when a mutant's own code compiles, the generated code compiles too.
/// PATTERNSGEN_FUZZ_MUTANTS and PATTERNSGEN_FUZZ_SEED set the count (default 5,000) and the seed (fixed, so a CI
/// failure can be replayed): docs/testing.md.
/// </summary>
public sealed class MutationFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly ImmutableArray<IIncrementalGenerator> Generators = ShippedComponents.Generators;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ShippedComponents.Analyzers;

    // One compilation's references, bound once and shared by every mutant (binding ~170 framework assemblies
    // anew for each would take most of the time).
    private static readonly CSharpCompilation Empty = TestCompilation.Create(Array.Empty<SyntaxTree>());

    [Fact]
    public void Every_generator_and_analyzer_survives_thousands_of_mutants_of_the_samples()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("PATTERNSGEN_FUZZ_MUTANTS"), out var n) ? n : 5_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PATTERNSGEN_FUZZ_SEED"), out var s) ? s : 20261202;
        var corpus = Corpus();
        Assert.True(corpus.Count >= 20, $"the corpus has only {corpus.Count} files");
        Assert.True(Generators.Length >= 6 && Analyzers.Length >= 8, $"{Generators.Length} generators, {Analyzers.Length} analyzers");

        var failures = new ConcurrentQueue<string>();
        var checkedCount = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // Each mutant has its own random stream, so any one can be replayed alone from the seed and its number.
            var random = new Random(unchecked(seed * 1_000_003 + i)); // not HashCode.Combine: that is seeded per process
            var (path, tree) = corpus[random.Next(corpus.Count)];
            var mutant = Mutator.Mutate(tree, random);
            if (Check(mutant, path) is { } failure)
            {
                failures.Enqueue($"mutant {i} of {path} (seed {seed}): {failure}\n----- source -----\n{mutant}\n------------------");
            }

            Interlocked.Increment(ref checkedCount);
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} mutants failed; the first:\n{failures.FirstOrDefault()}");
        Assert.Equal(count, checkedCount);
        output.WriteLine($"{count} mutants of {corpus.Count} files, seed {seed}: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Null when the mutant was handled; else what went wrong.</summary>
    private static string? Check(string source, string path)
    {
        var input = Empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: path));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(Generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: TestReferences.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        if (run.Results.FirstOrDefault(static r => r.Exception is not null) is { Exception: { } thrown } broken)
        {
            return $"{broken.Generator.GetGeneratorType().Name} threw {thrown}";
        }

        if (generatorDiagnostics.FirstOrDefault(static d => d.Id == "CS8785") is { } crash)
        {
            return crash.ToString();
        }

        var analyzerErrors = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), (error, analyzer, _) => analyzerErrors.Enqueue($"{analyzer.GetType().Name} threw {error}"),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var analyzerDiagnostics = output.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (!analyzerErrors.IsEmpty)
        {
            return analyzerErrors.First();
        }

        if (analyzerDiagnostics.FirstOrDefault(static d => d.Id == "AD0001") is { } ad0001)
        {
            return ad0001.ToString();
        }

        var errors = output.GetDiagnostics().Concat(analyzerDiagnostics).Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.FirstOrDefault(static d => !d.Id.StartsWith("CS", StringComparison.Ordinal) && !d.Id.StartsWith("PGEN", StringComparison.Ordinal)) is { } other)
        {
            return "an error that is neither the compiler's nor PatternsGen's: " + other;
        }

        // A mutant whose own code compiles (beside what was generated for it) must not be broken by the generated code.
        var inGenerated = errors.Where(static d => IsGenerated(d.Location.SourceTree)).ToList();
        if (inGenerated.Count > 0 && !errors.Any(static d => !IsGenerated(d.Location.SourceTree)))
        {
            return "the user's code compiles but the generated code does not: " + inGenerated[0];
        }

        return null;
    }

    private static bool IsGenerated(SyntaxTree? tree) => tree is not null && tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal);

    /// <summary>The samples' sources and the runtime tests' tool and handler sources: real annotated code of every kind.</summary>
    private static IReadOnlyList<(string Path, SyntaxTree Tree)> Corpus([CallerFilePath] string here = "")
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
        var folders = new[] { "samples", Path.Combine("tests", "PatternsGen.Runtime.Tests") };
        return
        [
            .. folders
                .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
                .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                   && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(static f => File.ReadAllText(f).Contains('[', StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(root, f), CSharpSyntaxTree.ParseText(File.ReadAllText(f), TestReferences.ParseOptions))),
        ];
    }
}
