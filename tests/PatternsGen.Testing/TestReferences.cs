using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace PatternsGen.Testing;

/// <summary>
/// The references every test compilation gets: the .NET 10 reference assemblies pinned by the
/// Basic.Reference.Assemblies package (nothing is downloaded at test time) plus the PatternsGen
/// runtime and its dependencies (Microsoft.Extensions.Logging.Abstractions,
/// Microsoft.Extensions.DependencyInjection.Abstractions and Microsoft.Extensions.AI.Abstractions), exactly
/// what a user's project compiles against.
/// </summary>
public static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(AggregateAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location),
    ];

    /// <summary>Without the runtime: a project that does not use PatternsGen.</summary>
    public static ImmutableArray<MetadataReference> FrameworkOnly { get; } = [.. Net100.References.All];

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>
    /// For the official verifiers: a framework with no reference package, so they resolve nothing
    /// themselves and download nothing; the pinned assemblies are added as additional references.
    /// </summary>
    public static ReferenceAssemblies VerifierReferenceAssemblies { get; } = new("net10.0");
}
