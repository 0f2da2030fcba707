using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>What a handler or projection method takes after the event.</summary>
internal enum HandlerParameters
{
    /// <summary><c>(TEvent)</c></summary>
    Event,

    /// <summary><c>(TEvent, CancellationToken)</c></summary>
    EventAndToken,

    /// <summary><c>(TEvent, EventContext, CancellationToken)</c> for a handler, <c>(TEvent, RecordedEvent, CancellationToken)</c> for a projection.</summary>
    EventContextAndToken,
}

/// <summary>What a handler or projection method returns.</summary>
internal enum HandlerReturn
{
    Void,
    Task,
    ValueTask,
}

/// <summary>
/// The shapes of event handlers and projection methods, shared by their generators (which call the callable
/// ones) and analyzers (which report the rest): an instance method <c>void</c>/<c>Task</c>/<c>ValueTask
/// M(TEvent[, TContext], [CancellationToken])</c>, not <c>async void</c>. The context is <c>EventContext</c>
/// for a handler and <c>RecordedEvent</c> for a projection.
/// </summary>
internal static class HandlerMethods
{
    /// <summary>Why <paramref name="method"/> cannot be called as a handler, or null (then the out values are set).</summary>
    public static string? ShapeProblem(IMethodSymbol method, out ITypeSymbol? eventType, out HandlerParameters parameters, out HandlerReturn returns) =>
        ShapeProblem(method, "handler", "EventContext", "PatternsGen.Messaging", out eventType, out parameters, out returns);

    /// <summary>Why <paramref name="method"/> cannot be called as a projection method, or null (then the out values are set).</summary>
    public static string? ProjectionShapeProblem(IMethodSymbol method, out ITypeSymbol? eventType, out HandlerParameters parameters, out HandlerReturn returns) =>
        ShapeProblem(method, "projection method", "RecordedEvent", "PatternsGen.EventSourcing", out eventType, out parameters, out returns);

    private static string? ShapeProblem(
        IMethodSymbol method, string what, string contextName, string contextNamespace,
        out ITypeSymbol? eventType, out HandlerParameters parameters, out HandlerReturn returns)
    {
        eventType = null;
        parameters = default;
        returns = default;
        if (method.IsStatic || method.IsGenericMethod)
        {
            return $"a {what} is a non-generic instance method";
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return $"a {what} is not 'async void': it could be neither awaited nor seen to fail";
        }

        if (method.ReturnsVoid)
        {
            returns = HandlerReturn.Void;
        }
        else if (SagaSteps.IsAwaitable(method.ReturnType, out var result) && result is null)
        {
            returns = method.ReturnType.Name == "ValueTask" ? HandlerReturn.ValueTask : HandlerReturn.Task;
        }
        else
        {
            return $"a {what} returns void, Task or ValueTask";
        }

        var p = method.Parameters;
        foreach (var parameter in p)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return $"a {what}'s parameters are passed by value";
            }
        }

        var shape = p.Length switch
        {
            1 => HandlerParameters.Event,
            2 when SagaSteps.IsCancellationToken(p[1].Type) => HandlerParameters.EventAndToken,
            3 when IsContext(p[1].Type) && SagaSteps.IsCancellationToken(p[2].Type) => HandlerParameters.EventContextAndToken,
            _ => (HandlerParameters?)null,
        };
        if (shape is null || p[0].Type.TypeKind == TypeKind.Error || SagaSteps.IsCancellationToken(p[0].Type) || IsContext(p[0].Type))
        {
            return $"a {what} takes (TEvent), (TEvent, CancellationToken) or (TEvent, {contextName}, CancellationToken)";
        }

        eventType = p[0].Type;
        parameters = shape.Value;
        return null;

        bool IsContext(ITypeSymbol type) =>
            type is INamedTypeSymbol { ContainingNamespace: { } ns } named && named.Name == contextName && ns.ToDisplayString() == contextNamespace;
    }
}
