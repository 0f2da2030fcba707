using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PatternsGen.Testing;

/// <summary>
/// The official analyzer verifier with PatternsGen's pinned references: markup such as
/// <c>{|PGEN900:Order|}</c> in the source states each expected diagnostic and its span.
/// </summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, withRuntime: true, expected);

    public static Task VerifyAsync(string source, bool withRuntime, params DiagnosticResult[] expected) =>
        VerifyAsync(source, withRuntime, buildProperties: null, expected);

    /// <summary>Also sets MSBuild properties as the build passes them to analyzers (<c>build_property.X = value</c>).</summary>
    public static Task VerifyAsync(string source, bool withRuntime, IReadOnlyDictionary<string, string>? buildProperties, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        TestSetup.Configure(test, withRuntime);
        if (buildProperties is not null)
        {
            var config = "is_global = true\n" + string.Concat(buildProperties.Select(static p => $"build_property.{p.Key} = {p.Value}\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>The official code-fix verifier with PatternsGen's pinned references.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>Checks the diagnostics in <paramref name="source"/>, the fixed code, and that fix-all gives the same.</summary>
    public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyAsync(source, fixedSource, codeActionKey: null, expected);

    /// <summary>As above, applying the fix whose equivalence key is <paramref name="codeActionKey"/> (for providers that offer several).</summary>
    public static Task VerifyAsync(string source, string fixedSource, string? codeActionKey, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = codeActionKey };
        TestSetup.Configure(test, withRuntime: true);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

internal static class TestSetup
{
    public static void Configure(AnalyzerTest<DefaultVerifier> test, bool withRuntime)
    {
        test.ReferenceAssemblies = TestReferences.VerifierReferenceAssemblies;
        test.TestState.AdditionalReferences.AddRange(withRuntime ? TestReferences.All : TestReferences.FrameworkOnly);
    }
}
