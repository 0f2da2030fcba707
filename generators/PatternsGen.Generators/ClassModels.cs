using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators;

/// <summary>
/// For generators whose attribute sits on methods but whose output is per class (handlers, agent tools): the
/// first attributed method of a class yields the class's whole model, and these helpers keep one per class.
/// </summary>
internal static class ClassModels
{
    /// <summary>
    /// The models of <paramref name="parse"/>, called at the first method of each class carrying
    /// <paramref name="attribute"/>: one per class (by <paramref name="typeOf"/>), in a stable order.
    /// </summary>
    public static IncrementalValuesProvider<T> PerClassFromMethods<T>(
        IncrementalGeneratorInitializationContext context, string attribute, Func<GeneratorAttributeSyntaxContext, System.Threading.CancellationToken, T?> parse, Func<T, TypeRef> typeOf)
        where T : class =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is MethodDeclarationSyntax,
                (syntax, ct) => IsFirstAttributedMethod(syntax, attribute, ct) ? parse(syntax, ct) : null)
            .Collect()
            .SelectMany((models, _) => models
                .Where(static m => m is not null)
                .Select(static m => m!)
                .GroupBy(m => typeOf(m).FullyQualifiedName)
                .Select(static g => g.First())
                .OrderBy(m => typeOf(m).FullyQualifiedName, StringComparer.Ordinal)
                .ToImmutableArray());

    /// <summary>
    /// Whether the attributed method is the first of its class to carry <paramref name="attribute"/>: only that
    /// one parses the class. The rest would build the same model again, and Roslyn reruns these transforms for
    /// every attributed method whenever the compilation changes, so a class of ten tools would cost ten parses
    /// per keystroke.
    /// </summary>
    private static bool IsFirstAttributedMethod(GeneratorAttributeSyntaxContext context, string attribute, CancellationToken ct)
    {
        if (context.TargetSymbol is not IMethodSymbol { ContainingType: { } type } target)
        {
            return true;
        }

        var self = target.PartialDefinitionPart ?? target; // GetMembers lists a partial method by its definition
        foreach (var member in type.GetMembers())
        {
            // Only what the syntax filter above lets through counts, so the first is always one that gets here.
            if (member is IMethodSymbol method
                && AttributeReader.Find(method, attribute) is not null
                && method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(ct) is MethodDeclarationSyntax))
            {
                return SymbolEqualityComparer.Default.Equals(method, self);
            }
        }

        return true;
    }

    /// <summary>Whether the compilation sees <c>IServiceCollection</c>, so a registration extension can be written.</summary>
    public static IncrementalValueProvider<bool> HasServiceCollection(IncrementalGeneratorInitializationContext context) =>
        context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(KnownTypes.IServiceCollection) is not null);
}
