using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PatternsGen.Testing;

/// <summary>Builds the compilations generator tests run on.</summary>
public static class TestCompilation
{
    public static CSharpCompilation Create(params string[] sources) => Create(sources, withRuntime: true);

    public static CSharpCompilation Create(IEnumerable<string> sources, bool withRuntime)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: $"Source{i}.cs"));
        return CSharpCompilation.Create(
            "TestProject",
            trees,
            withRuntime ? TestReferences.All : TestReferences.FrameworkOnly,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Errors and warnings of <paramref name="compilation"/>, formatted one a line, for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(static d => d.ToString()));
}
