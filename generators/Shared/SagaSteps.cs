using System.Linq;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// The shapes of saga steps and compensations, shared by the saga generator (which calls them) and the
/// saga analyzers (which report the rest): a step is <c>Task[&lt;R&gt;]</c>/<c>ValueTask[&lt;R&gt;]
/// Step(TContext, CancellationToken)</c>; its compensation <c>Task</c>/<c>ValueTask
/// Undo(TContext, [R,] CancellationToken)</c>.
/// </summary>
internal static class SagaSteps
{
    /// <summary>
    /// True when <paramref name="type"/> is Task, Task&lt;R&gt;, ValueTask or ValueTask&lt;R&gt;;
    /// <paramref name="result"/> is then R, or null for the non-generic ones.
    /// </summary>
    public static bool IsAwaitable(ITypeSymbol type, out ITypeSymbol? result)
    {
        result = null;
        if (type is not INamedTypeSymbol { ContainingNamespace: { } ns } named || ns.ToDisplayString() != "System.Threading.Tasks")
        {
            return false;
        }

        switch (named.MetadataName)
        {
            case "Task" or "ValueTask":
                return true;
            case "Task`1" or "ValueTask`1" when named.TypeArguments[0].TypeKind != TypeKind.Error:
                result = named.TypeArguments[0];
                return true;
            default:
                return false;
        }
    }

    /// <summary>True for ValueTask or ValueTask&lt;R&gt; (which a resilience pipeline takes as is; a Task is wrapped).</summary>
    public static bool IsValueTask(ITypeSymbol type) => IsAwaitable(type, out _) && type.Name == "ValueTask";

    /// <summary>Why <paramref name="method"/> cannot be a step, or null (then <paramref name="context"/> and <paramref name="result"/> are set).</summary>
    public static string? StepProblem(IMethodSymbol method, out ITypeSymbol? context, out ITypeSymbol? result)
    {
        context = null;
        result = null;
        if (method.IsStatic || method.IsGenericMethod)
        {
            return "a step is a non-generic instance method";
        }

        if (!IsAwaitable(method.ReturnType, out var awaited))
        {
            return "a step returns Task, Task<R>, ValueTask or ValueTask<R>";
        }

        if (method.Parameters.Length != 2 || method.Parameters[0].RefKind != RefKind.None
            || !IsCancellationToken(method.Parameters[1].Type) || method.Parameters[0].Type.TypeKind == TypeKind.Error)
        {
            return "a step takes (TContext context, CancellationToken ct)";
        }

        context = method.Parameters[0].Type;
        result = awaited;
        return null;
    }

    /// <summary>Why <paramref name="method"/> cannot compensate a step of <paramref name="context"/> with <paramref name="result"/>, or null.</summary>
    public static string? CompensationProblem(IMethodSymbol method, ITypeSymbol context, ITypeSymbol? result)
    {
        var parameters = method.Parameters;
        var count = result is null ? 2 : 3;
        var fits = !method.IsStatic && !method.IsGenericMethod
            && IsAwaitable(method.ReturnType, out var returned) && returned is null
            && parameters.Length == count
            && parameters.All(static p => p.RefKind == RefKind.None)
            && SymbolEqualityComparer.Default.Equals(parameters[0].Type, context)
            && (result is null || SymbolEqualityComparer.Default.Equals(
                parameters[1].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), result.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
            && IsCancellationToken(parameters[count - 1].Type);
        if (fits)
        {
            return null; // the message below is built only for a compensation that does not fit
        }

        return result is null
            ? $"it must be Task or ValueTask {method.Name}({context.ToDisplayString()} context, CancellationToken ct)"
            : $"it must be Task or ValueTask {method.Name}({context.ToDisplayString()} context, {result.ToDisplayString()} result, CancellationToken ct)";
    }

    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Threading";
}
