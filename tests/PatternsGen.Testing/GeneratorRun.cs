using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace PatternsGen.Testing;

/// <summary>One run of generators over sources: what they wrote, what they reported, and the compilation that results.</summary>
public sealed class GeneratorRun
{
    private GeneratorRun(CSharpCompilation input, Compilation output, GeneratorDriver driver)
    {
        Input = input;
        Output = output;
        Driver = driver;
        Result = driver.GetRunResult();
    }

    public CSharpCompilation Input { get; }

    public Compilation Output { get; }

    /// <summary>The driver after the run; run it again on an edited compilation to test incrementality.</summary>
    public GeneratorDriver Driver { get; }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>Generated files by hint name, in the order the generators added them.</summary>
    public ImmutableArray<GeneratedFile> Files =>
        [.. Result.Results.SelectMany(static r => r.GeneratedSources).Select(static s => new GeneratedFile(s.HintName, s.SourceText.ToString()))];

    /// <summary>Diagnostics the generators themselves reported (they should report almost none: analyzers do).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    public static GeneratorRun Create(IIncrementalGenerator generator, params string[] sources) =>
        Create([generator], TestCompilation.Create(sources));

    public static GeneratorRun Create(IEnumerable<IIncrementalGenerator> generators, CSharpCompilation input)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators.Select(GeneratorExtensions.AsSourceGenerator),
            parseOptions: TestReferences.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        return new GeneratorRun(input, output, driver);
    }

    public string File(string hintName) =>
        Files.FirstOrDefault(f => f.HintName == hintName)?.Text
        ?? throw new XunitException($"No generated file '{hintName}'. Generated: {string.Join(", ", Files.Select(static f => f.HintName))}");

    /// <summary>
    /// Fails unless the generators reported nothing and the resulting compilation (user code plus
    /// generated code) has neither errors nor warnings: generated code must never add noise to a build.
    /// </summary>
    public GeneratorRun AssertCompilesCleanly()
    {
        var problems = GeneratorDiagnostics
            .Concat(Output.GetDiagnostics())
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .ToArray();
        if (problems.Length > 0)
        {
            throw new XunitException(
                $"Expected a clean compilation, got {problems.Length} diagnostic(s):{Environment.NewLine}{TestCompilation.Describe(problems)}");
        }

        return this;
    }
}

/// <summary>One generated file.</summary>
public sealed record GeneratedFile(string HintName, string Text);
