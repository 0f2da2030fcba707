using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators;

/// <summary>
/// For generators whose attribute sits on methods but whose output is per class (handlers, agent tools): every
/// attributed method of a class yields the class's whole model, and these helpers keep one per class.
/// </summary>
internal static class ClassModels
{
    /// <summary>
    /// The models of <paramref name="parse"/> for every method carrying <paramref name="attribute"/>, one per class
    /// (by <paramref name="typeOf"/>), in a stable order.
    /// </summary>
    public static IncrementalValuesProvider<T> PerClassFromMethods<T>(
        IncrementalGeneratorInitializationContext context, string attribute, Func<GeneratorAttributeSyntaxContext, System.Threading.CancellationToken, T?> parse, Func<T, TypeRef> typeOf)
        where T : class =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(attribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax, (syntax, ct) => parse(syntax, ct))
            .Collect()
            .SelectMany((models, _) => models
                .Where(static m => m is not null)
                .Select(static m => m!)
                .GroupBy(m => typeOf(m).FullyQualifiedName)
                .Select(static g => g.First())
                .OrderBy(m => typeOf(m).FullyQualifiedName, StringComparer.Ordinal)
                .ToImmutableArray());

    /// <summary>Whether the compilation sees <c>IServiceCollection</c>, so a registration extension can be written.</summary>
    public static IncrementalValueProvider<bool> HasServiceCollection(IncrementalGeneratorInitializationContext context) =>
        context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(KnownTypes.IServiceCollection) is not null);
}
