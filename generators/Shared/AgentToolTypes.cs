using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>What an agent tool parameter is, as the schema and the binder see it.</summary>
internal enum ToolValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    Guid,
    DateTime,
    DateTimeOffset,
    Uri,
    Enum,
    Array,
}

/// <summary>One parameter type of an agent tool.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Type">Its C# spelling.</param>
/// <param name="Nullable">Null is allowed (<c>int?</c>, <c>string?</c>).</param>
/// <param name="Element">The item type of an array or list.</param>
/// <param name="IsList">A <c>List&lt;T&gt;</c>, built from the array the reader returns (other collections take the array itself).</param>
/// <param name="EnumMembers">The member names of an enum.</param>
/// <remarks>Must stay immutable and structurally equal: it is part of generator models.</remarks>
internal sealed record ToolValueType(ToolValueKind Kind, TypeRef Type, bool Nullable, ToolValueType? Element, bool IsList, EquatableArray<string> EnumMembers);

/// <summary>
/// Which parameter types agent tools support, shared by the tool generator (which binds them) and the tool
/// analyzer (which reports the others, PGEN401): strings, booleans, integers, numbers, enums, GUIDs, dates,
/// URIs, their nullable forms, and arrays or lists of them.
/// </summary>
internal static class AgentToolTypes
{
    private const int MaxArrayNesting = 4;

    /// <summary>The parameter's type, or null when tools cannot take it.</summary>
    public static ToolValueType? Classify(ITypeSymbol type) => Classify(type, 0);

    /// <summary>True for the parameters that are injected rather than bound: <c>CancellationToken</c> and <c>IServiceProvider</c>.</summary>
    public static bool IsInjected(ITypeSymbol type) => SagaSteps.IsCancellationToken(type) || IsServiceProvider(type);

    public static bool IsServiceProvider(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "IServiceProvider", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System";

    private static ToolValueType? Classify(ITypeSymbol type, int depth)
    {
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
        {
            type = wrapped.TypeArguments[0];
            nullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }

        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var kind = plain.SpecialType switch
        {
            SpecialType.System_String => ToolValueKind.String,
            SpecialType.System_Boolean => ToolValueKind.Boolean,
            SpecialType.System_Int32 => ToolValueKind.Int32,
            SpecialType.System_Int64 => ToolValueKind.Int64,
            SpecialType.System_Single => ToolValueKind.Single,
            SpecialType.System_Double => ToolValueKind.Double,
            SpecialType.System_Decimal => ToolValueKind.Decimal,
            SpecialType.System_DateTime => ToolValueKind.DateTime,
            _ => (ToolValueKind?)null,
        };
        if (kind is null && plain is INamedTypeSymbol { ContainingNamespace: { } ns } named && ns.ToDisplayString() == "System")
        {
            kind = named.Name switch
            {
                "Guid" => ToolValueKind.Guid,
                "DateTimeOffset" => ToolValueKind.DateTimeOffset,
                "Uri" => ToolValueKind.Uri,
                _ => null,
            };
        }

        if (kind is { } simple)
        {
            return new ToolValueType(simple, TypeRef.From(plain), nullable, null, false, default);
        }

        if (plain is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && !AttributeReader.Has(enumType, "System.FlagsAttribute"))
        {
            var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(static f => f.HasConstantValue).Select(static f => f.Name).ToEquatableArray();
            return members.Count == 0 ? null : new ToolValueType(ToolValueKind.Enum, TypeRef.From(plain), nullable, null, false, members);
        }

        if (depth < MaxArrayNesting && ElementOf(plain, out var isList) is { } element && Classify(element, depth + 1) is { } item)
        {
            return new ToolValueType(ToolValueKind.Array, TypeRef.From(plain), nullable, item, isList, default);
        }

        return null;
    }

    /// <summary>The item type of <c>T[]</c>, <c>List&lt;T&gt;</c>, or an interface <c>T[]</c> implements (<c>IReadOnlyList&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>, …).</summary>
    private static ITypeSymbol? ElementOf(ITypeSymbol type, out bool isList)
    {
        isList = false;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return array.ElementType;
        }

        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            || named.ContainingNamespace?.ToDisplayString() != "System.Collections.Generic")
        {
            return null;
        }

        isList = named.Name == "List";
        return named.Name is "List" or "IList" or "ICollection" or "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" ? named.TypeArguments[0] : null;
    }
}
