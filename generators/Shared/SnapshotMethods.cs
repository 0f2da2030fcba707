using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// The pair of methods through which an aggregate's state is snapshotted:
/// <c>TState CreateSnapshot()</c> and <c>void RestoreSnapshot(TState state)</c>. Shared by the generator
/// (which calls them) and PGEN207 (which reports <c>SnapshotEvery</c> without them).
/// </summary>
internal static class SnapshotMethods
{
    public const string Create = "CreateSnapshot";
    public const string Restore = "RestoreSnapshot";

    /// <summary>The state type when both methods exist with matching types, else null.</summary>
    public static ITypeSymbol? StateTypeOf(INamedTypeSymbol aggregate)
    {
        foreach (var create in aggregate.GetMembers(Create))
        {
            if (create is not IMethodSymbol { IsStatic: false, IsGenericMethod: false, ReturnsVoid: false, Parameters.Length: 0, ReturnsByRef: false, ReturnsByRefReadonly: false } c
                || c.ReturnType.TypeKind is TypeKind.Error or TypeKind.TypeParameter || c.ReturnType.IsRefLikeType)
            {
                continue;
            }

            foreach (var restore in aggregate.GetMembers(Restore))
            {
                if (restore is IMethodSymbol { IsStatic: false, IsGenericMethod: false, ReturnsVoid: true, Parameters.Length: 1 } r
                    && r.Parameters[0].RefKind == RefKind.None
                    && SymbolEqualityComparer.Default.Equals(r.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated),
                        c.ReturnType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
                {
                    return c.ReturnType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
                }
            }
        }

        return null;
    }
}
