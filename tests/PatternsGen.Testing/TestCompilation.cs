using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PatternsGen.Testing;

/// <summary>Builds the compilations generator tests run on.</summary>
public static class TestCompilation
{
    // The runtime's dependencies are built against .NET 8 and referenced beside the .NET 10 framework;
    // MSBuild silences the unification notices this raises (NoWarn 1701;1702 by default), and so do we.
    private static readonly Dictionary<string, ReportDiagnostic> AssemblyUnification = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    public static CSharpCompilation Create(params string[] sources) => Create(sources, withRuntime: true);

    public static CSharpCompilation Create(IEnumerable<string> sources, bool withRuntime) =>
        Create(sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: $"Source{i}.cs")), withRuntime);

    /// <summary>A compilation of <paramref name="trees"/> as they are (their paths kept, for edits that find a file by name).</summary>
    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, bool withRuntime = true)
    {
        return CSharpCompilation.Create(
            "TestProject",
            trees,
            withRuntime ? TestReferences.All : TestReferences.FrameworkOnly,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(AssemblyUnification));
    }

    /// <summary>Errors and warnings of <paramref name="compilation"/>, formatted one a line, for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(static d => d.ToString()));
}
