using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// What makes a method named <c>Apply</c> part of an aggregate's apply-switch. The generator takes the
/// methods this accepts; the analyzers report the rest (PGEN203) with <see cref="Problem"/>'s reason.
/// </summary>
internal static class ApplyMethods
{
    public const string Name = "Apply";

    /// <summary>
    /// The event type a <c>void Apply(TEvent)</c> switches on (for <c>Apply(S? e)</c> on a struct
    /// event, <c>S</c>: the switch sees the boxed value), or null when the method has another shape.
    /// </summary>
    public static ITypeSymbol? EventTypeOf(IMethodSymbol method) =>
        Problem(method) is null ? Unwrap(method.Parameters[0].Type) : null;

    /// <summary>Why the switch cannot call <paramref name="method"/>, or null when it can.</summary>
    public static string? Problem(IMethodSymbol method)
    {
        if (method.IsStatic)
        {
            return "it is static";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic";
        }

        if (!method.ReturnsVoid)
        {
            return "it returns a value (Apply must return void)";
        }

        if (method.Parameters.Length != 1)
        {
            return $"it takes {method.Parameters.Length} parameters (Apply takes exactly one: the event)";
        }

        var parameter = method.Parameters[0];
        if (parameter.RefKind != RefKind.None)
        {
            return "its parameter is ref, in or out";
        }

        var type = parameter.Type;
        if (type.TypeKind is TypeKind.TypeParameter or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic || type.IsRefLikeType)
        {
            return $"its parameter type '{type.ToDisplayString()}' cannot be matched by a type switch";
        }

        return type.TypeKind == TypeKind.Error ? "its parameter type does not exist" : null;
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
    }
}
