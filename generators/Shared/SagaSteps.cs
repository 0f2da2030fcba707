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
    /// <summary>An awaitable a step or compensation returns.</summary>
    public readonly struct Awaitable
    {
        public Awaitable(ITypeSymbol? result) => Result = result;

        /// <summary>The step's result type; null for <c>Task</c>/<c>ValueTask</c>.</summary>
        public ITypeSymbol? Result { get; }
    }

    /// <summary>What <paramref name="type"/> awaits to, when it is Task, Task&lt;R&gt;, ValueTask or ValueTask&lt;R&gt;.</summary>
    public static Awaitable? AwaitableOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { ContainingNamespace: { } ns } named || ns.ToDisplayString() != "System.Threading.Tasks")
        {
            return null;
        }

        return named.MetadataName switch
        {
            "Task" or "ValueTask" => new Awaitable(null),
            "Task`1" or "ValueTask`1" when named.TypeArguments[0].TypeKind != TypeKind.Error => new Awaitable(named.TypeArguments[0]),
            _ => null,
        };
    }

    /// <summary>Why <paramref name="method"/> cannot be a step, or null (then <paramref name="context"/> and <paramref name="result"/> are set).</summary>
    public static string? StepProblem(IMethodSymbol method, out ITypeSymbol? context, out ITypeSymbol? result)
    {
        context = null;
        result = null;
        if (method.IsStatic || method.IsGenericMethod)
        {
            return "a step is a non-generic instance method";
        }

        if (AwaitableOf(method.ReturnType) is not { } awaitable)
        {
            return "a step returns Task, Task<R>, ValueTask or ValueTask<R>";
        }

        if (method.Parameters.Length != 2 || method.Parameters[0].RefKind != RefKind.None
            || !IsCancellationToken(method.Parameters[1].Type) || method.Parameters[0].Type.TypeKind == TypeKind.Error)
        {
            return "a step takes (TContext context, CancellationToken ct)";
        }

        context = method.Parameters[0].Type;
        result = awaitable.Result;
        return null;
    }

    /// <summary>Why <paramref name="method"/> cannot compensate a step of <paramref name="context"/> with <paramref name="result"/>, or null.</summary>
    public static string? CompensationProblem(IMethodSymbol method, ITypeSymbol context, ITypeSymbol? result)
    {
        var expected = result is null
            ? $"Task or ValueTask {method.Name}({context.ToDisplayString()} context, CancellationToken ct)"
            : $"Task or ValueTask {method.Name}({context.ToDisplayString()} context, {result.ToDisplayString()} result, CancellationToken ct)";
        if (method.IsStatic || method.IsGenericMethod || AwaitableOf(method.ReturnType) is not { Result: null })
        {
            return "it must be " + expected;
        }

        var parameters = method.Parameters;
        var count = result is null ? 2 : 3;
        if (parameters.Length != count
            || !SymbolEqualityComparer.Default.Equals(parameters[0].Type, context)
            || (result is not null && !SymbolEqualityComparer.Default.Equals(parameters[1].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), result.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
            || !IsCancellationToken(parameters[count - 1].Type))
        {
            return "it must be " + expected;
        }

        foreach (var parameter in parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return "it must be " + expected;
            }
        }

        return null;
    }

    private static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Threading";
}
