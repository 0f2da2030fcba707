using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
    Object,
}

/// <summary>One parameter (or property) type of an agent tool.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Type">Its C# spelling.</param>
/// <param name="Nullable">Null is allowed (<c>int?</c>, <c>string?</c>).</param>
/// <param name="Element">The item type of an array or list.</param>
/// <param name="IsList">A <c>List&lt;T&gt;</c>, built from the array the reader returns (other collections take the array itself).</param>
/// <param name="EnumMembers">The member names of an enum.</param>
/// <param name="Object">How an object (a record, class or struct of such values) is built; null for other kinds.</param>
/// <remarks>Must stay immutable and structurally equal: it is part of generator models.</remarks>
internal sealed record ToolValueType(
    ToolValueKind Kind, TypeRef Type, bool Nullable, ToolValueType? Element, bool IsList, EquatableArray<string> EnumMembers, ToolObjectShape? Object = null);

/// <summary>How the binder builds an object argument.</summary>
/// <param name="Properties">Constructor parameters first, in the constructor's order, then the properties set after it.</param>
/// <param name="IsStruct">A value type (then <c>T?</c> is <c>Nullable&lt;T&gt;</c>).</param>
/// <remarks>Must stay immutable and structurally equal: it is part of generator models.</remarks>
internal sealed record ToolObjectShape(EquatableArray<ToolPropertyModel> Properties, bool IsStruct);

/// <summary>One property of an object argument.</summary>
/// <param name="JsonName">Its name in the schema: <c>[JsonPropertyName]</c>, else the member's name in camelCase.</param>
/// <param name="Member">The C# property's name.</param>
/// <param name="Type">What it holds.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="Default">The constructor parameter's default; null when it has none.</param>
/// <param name="Binding">How the value reaches the object.</param>
/// <remarks>Must stay immutable and structurally equal: it is part of generator models.</remarks>
internal sealed record ToolPropertyModel(string JsonName, string Member, ToolValueType Type, string? Description, ToolDefault? Default, ToolPropertyBinding Binding)
{
    /// <summary>The schema lists it as required: a constructor parameter without a default, or a <c>required</c> property.</summary>
    public bool IsRequired => Binding is ToolPropertyBinding.Constructor or ToolPropertyBinding.RequiredProperty && Default is null;
}

/// <summary>How an object property is given its value.</summary>
internal enum ToolPropertyBinding
{
    /// <summary>A constructor argument.</summary>
    Constructor,

    /// <summary>A <c>required</c> property in the object initializer.</summary>
    RequiredProperty,

    /// <summary>An optional settable property, assigned after construction when the argument has it.</summary>
    SetProperty,

    /// <summary>An optional init-only property of a record or struct, given with <c>with { … }</c> when the argument has it.</summary>
    WithProperty,
}

/// <summary>A parameter's default value: a C# expression and a JSON literal.</summary>
/// <remarks>Must stay immutable and structurally equal: it is part of generator models.</remarks>
internal sealed record ToolDefault(string CSharp, string Json);

/// <summary>
/// Which parameter types agent tools support, shared by the tool generator (which binds them) and the tool
/// analyzer (which reports the others, PGEN401): strings, booleans, integers, numbers, enums, GUIDs, dates,
/// URIs, their nullable forms, arrays or lists of them, and records, classes or structs made of them.
/// </summary>
internal static class AgentToolTypes
{
    private const int MaxNesting = 8;

    /// <summary>The parameter's type, or null when tools cannot take it.</summary>
    public static ToolValueType? Classify(ITypeSymbol type) => Classify(type, out _);

    /// <summary>The parameter's type, or null with <paramref name="problem"/> saying why tools cannot take it.</summary>
    public static ToolValueType? Classify(ITypeSymbol type, out string? problem)
    {
        problem = null;
        return Classify(type, new Stack<ITypeSymbol>(), ref problem);
    }

    /// <summary>True for the parameters that are injected rather than bound: <c>CancellationToken</c> and <c>IServiceProvider</c>.</summary>
    public static bool IsInjected(ITypeSymbol type) => SagaSteps.IsCancellationToken(type) || IsServiceProvider(type);

    public static bool IsServiceProvider(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "IServiceProvider", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System";

    /// <summary>A parameter's default as C# and as JSON, or null when it has none (or one the schema cannot state).</summary>
    public static ToolDefault? DefaultOf(IParameterSymbol parameter, ToolValueType type)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var value = parameter.ExplicitDefaultValue;
        switch (value)
        {
            case null:
                return new ToolDefault(type.Nullable || !parameter.Type.IsValueType ? "null" : "default", "null");
            case string text:
                return new ToolDefault(SymbolDisplay.FormatLiteral(text, quote: true), Json.String(text));
            case bool flag:
                return new ToolDefault(flag ? "true" : "false", flag ? "true" : "false");
        }

        if (type.Kind == ToolValueKind.Enum && parameter.Type is INamedTypeSymbol enumType)
        {
            var underlying = enumType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? (INamedTypeSymbol)enumType.TypeArguments[0] : enumType;
            var member = underlying.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            return member is null ? null : new ToolDefault(type.Type.FullyQualifiedName + "." + Identifiers.Escape(member.Name), Json.String(member.Name));
        }

        var number = System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
        var csharp = value switch
        {
            long => number + "L",
            float => number + "F",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
            decimal => number + "M",
            _ => number,
        };
        return new ToolDefault(csharp, number);
    }

    private static ToolValueType? Classify(ITypeSymbol type, Stack<ITypeSymbol> enclosing, ref string? problem)
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
        if (Simple(plain) is { } simple)
        {
            return new ToolValueType(simple, TypeRef.From(plain), nullable, null, false, default);
        }

        if (plain is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(static f => f.HasConstantValue).Select(static f => f.Name).ToEquatableArray();
            if (AttributeReader.Has(enumType, "System.FlagsAttribute") || members.Count == 0)
            {
                problem ??= $"'{enumType.ToDisplayString()}' is a [Flags] or empty enum, which a schema cannot list as names";
                return null;
            }

            return new ToolValueType(ToolValueKind.Enum, TypeRef.From(plain), nullable, null, false, members);
        }

        if (enclosing.Count >= MaxNesting)
        {
            problem ??= $"'{plain.ToDisplayString()}' is nested more than {MaxNesting} levels deep";
            return null;
        }

        if (ElementOf(plain, out var isList) is { } element)
        {
            enclosing.Push(plain);
            var item = Classify(element, enclosing, ref problem);
            enclosing.Pop();
            return item is null ? null : new ToolValueType(ToolValueKind.Array, TypeRef.From(plain), nullable, item, isList, default);
        }

        if (ObjectShape(plain, enclosing, ref problem) is { } shape)
        {
            return new ToolValueType(ToolValueKind.Object, TypeRef.From(plain), nullable, null, false, default, shape);
        }

        problem ??= $"'{plain.ToDisplayString()}' is not a type tools can take";
        return null;
    }

    private static ToolValueKind? Simple(ITypeSymbol type)
    {
        var kind = type.SpecialType switch
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
        if (kind is null && type is INamedTypeSymbol { ContainingNamespace: { } ns } named && ns.ToDisplayString() == "System")
        {
            kind = named.Name switch
            {
                "Guid" => ToolValueKind.Guid,
                "DateTimeOffset" => ToolValueKind.DateTimeOffset,
                "Uri" => ToolValueKind.Uri,
                _ => null,
            };
        }

        return kind;
    }

    /// <summary>
    /// A user's record, class or struct as an object: built through its widest public constructor whose
    /// parameters all name public properties (a record's primary constructor), then its <c>required</c>
    /// properties, then its other public settable ones. Null with a problem when it cannot be built or one
    /// of its properties cannot be read.
    /// </summary>
    private static ToolObjectShape? ObjectShape(ITypeSymbol type, Stack<ITypeSymbol> enclosing, ref string? problem)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false, IsStatic: false } named
            || named.SpecialType != SpecialType.None
            || named.IsTupleType
            || named.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal)))
        {
            return null; // the caller says it is not a type tools can take
        }

        if (enclosing.Any(t => SymbolEqualityComparer.Default.Equals(t, named)))
        {
            problem ??= $"'{named.ToDisplayString()}' contains itself, which a schema without references cannot describe";
            return null;
        }

        var properties = PublicProperties(named);
        var constructor = ChooseConstructor(named, properties);
        if (constructor is null)
        {
            problem ??= $"'{named.ToDisplayString()}' has no public constructor the binder can call (one without parameters, or one whose parameters all name its properties)";
            return null;
        }

        enclosing.Push(named);
        try
        {
            var result = new List<ToolPropertyModel>();
            foreach (var parameter in constructor.Parameters)
            {
                var property = properties.First(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
                if (Classify(parameter.Type, enclosing, ref problem) is not { } valueType)
                {
                    problem = $"property '{property.Name}' of '{named.ToDisplayString()}': {problem}";
                    return null;
                }

                result.Add(new ToolPropertyModel(
                    JsonNameOf(property), property.Name, valueType,
                    DocumentationText.DescriptionAttribute(property) ?? DocumentationText.DescriptionAttribute(parameter) ?? DocumentationText.Summary(property) ?? DocumentationText.Parameter(constructor, parameter.Name),
                    DefaultOf(parameter, valueType), ToolPropertyBinding.Constructor));
            }

            foreach (var property in properties)
            {
                if (result.Any(p => p.Member == property.Name) || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public } setter)
                {
                    continue; // bound by the constructor, or read-only: not an input
                }

                var binding = property.IsRequired ? ToolPropertyBinding.RequiredProperty
                    : setter.IsInitOnly ? ToolPropertyBinding.WithProperty
                    : ToolPropertyBinding.SetProperty;
                if (binding == ToolPropertyBinding.WithProperty && !(named.IsRecord || named.IsValueType))
                {
                    problem ??= $"property '{property.Name}' of '{named.ToDisplayString()}' is init-only and optional, which a class cannot be given after construction: make it 'required', give it 'set', or make '{named.Name}' a record";
                    return null;
                }

                if (Classify(property.Type, enclosing, ref problem) is not { } valueType)
                {
                    problem = $"property '{property.Name}' of '{named.ToDisplayString()}': {problem}";
                    return null;
                }

                result.Add(new ToolPropertyModel(
                    JsonNameOf(property), property.Name, valueType,
                    DocumentationText.DescriptionAttribute(property) ?? DocumentationText.Summary(property), null, binding));
            }

            var names = result.GroupBy(static p => p.JsonName).FirstOrDefault(static g => g.Count() > 1);
            if (names is not null)
            {
                problem ??= $"two properties of '{named.ToDisplayString()}' are both called \"{names.Key}\" in JSON";
                return null;
            }

            return new ToolObjectShape(result.ToEquatableArray(), named.IsValueType);
        }
        finally
        {
            enclosing.Pop();
        }
    }

    /// <summary>Public instance properties with a getter, the type's own first, then its base types' (hidden ones once).</summary>
    private static List<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var properties = new List<IPropertySymbol>();
        for (INamedTypeSymbol? current = type; current is { SpecialType: SpecialType.None }; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property is { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null, CanBeReferencedByName: true }
                    && !AttributeReader.Has(property, "System.Text.Json.Serialization.JsonIgnoreAttribute")
                    && !properties.Any(p => p.Name == property.Name))
                {
                    properties.Add(property);
                }
            }
        }

        return properties;
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<IPropertySymbol> properties) =>
        type.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c))
            .Where(c => c.Parameters.All(p => p.RefKind == RefKind.None && properties.Any(q =>
                string.Equals(q.Name, p.Name, System.StringComparison.OrdinalIgnoreCase) && SymbolEqualityComparer.Default.Equals(q.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))))
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault();

    private static bool IsCopyConstructor(IMethodSymbol constructor) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, constructor.ContainingType);

    private static string JsonNameOf(IPropertySymbol property) =>
        AttributeReader.Find(property, "System.Text.Json.Serialization.JsonPropertyNameAttribute") is { } attribute
        && AttributeReader.ConstructorString(attribute, 0) is { Length: > 0 } name
            ? name
            : char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

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
