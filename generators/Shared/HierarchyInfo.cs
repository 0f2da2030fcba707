using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// Where a partial type lives: its namespace and the chain of types that contain it, outermost
/// first, so generated code can re-open exactly the same declarations (nested and generic types
/// included) without holding a symbol.
/// </summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record HierarchyInfo(
    string? Namespace,
    EquatableArray<TypeDeclarationInfo> Types,
    string FullyQualifiedName,
    string MetadataName)
{
    /// <summary>The innermost type: the one the generator writes into.</summary>
    public TypeDeclarationInfo Target => Types[Types.Count - 1];

    public static HierarchyInfo From(INamedTypeSymbol type)
    {
        var chain = new List<TypeDeclarationInfo>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Add(TypeDeclarationInfo.From(current));
        }

        chain.Reverse();
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? TypeRef.Namespace(containing)
            : null;

        return new HierarchyInfo(
            ns,
            chain.ToEquatableArray(),
            TypeRef.FullyQualified(type),
            MetadataNameOf(type));
    }

    /// <summary>A stable, file-name-safe hint such as <c>Shop.Orders.Outer.Inner`1.Aggregate.g.cs</c>.</summary>
    public string HintName(string feature) => $"{MetadataName}.{feature}.g.cs";

    /// <summary>Opens the namespace and every containing type; <see cref="WriteClose"/> closes them.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="targetBaseList">Appended to the target type's declaration (<c>" : IFoo"</c>), to implement an interface.</param>
    public void WriteOpen(SourceWriter writer, string targetBaseList = "")
    {
        if (Namespace is not null)
        {
            writer.WriteLine($"namespace {Namespace}");
            writer.OpenBlock();
        }

        foreach (var type in Types)
        {
            writer.WriteLine($"partial {type.Keyword} {type.NameWithTypeParameters}{(ReferenceEquals(type, Target) ? targetBaseList : "")}");
            writer.OpenBlock();
        }
    }

    public void WriteClose(SourceWriter writer)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            writer.CloseBlock();
        }

        if (Namespace is not null)
        {
            writer.CloseBlock();
        }
    }

    private static string MetadataNameOf(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            names.Add(current.MetadataName);
        }

        // Metadata names, unescaped: a hint name is a file name, not C# (Shop.event.Order`1, never Shop.@event).
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            names.Add(ns.MetadataName);
        }

        names.Reverse();
        return string.Join(".", names);
    }
}

/// <summary>One type of a <see cref="HierarchyInfo"/> chain: how to re-open its declaration.</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record TypeDeclarationInfo(string Keyword, string NameWithTypeParameters, bool IsSealed, bool IsAbstract)
{
    public static TypeDeclarationInfo From(INamedTypeSymbol type)
    {
        var keyword = (type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record",
            (_, TypeKind.Struct) => "struct",
            (_, TypeKind.Interface) => "interface",
            _ => "class",
        };

        var name = type.TypeParameters.Length == 0
            ? Identifiers.Escape(type.Name)
            : $"{Identifiers.Escape(type.Name)}<{string.Join(", ", type.TypeParameters.Select(static p => Identifiers.Escape(p.Name)))}>";

        return new TypeDeclarationInfo(keyword, name, type.IsSealed, type.IsAbstract);
    }
}
