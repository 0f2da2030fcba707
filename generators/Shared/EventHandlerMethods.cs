using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>What an <c>[EventHandler]</c> method takes after the event.</summary>
internal enum HandlerParameters
{
    /// <summary><c>(TEvent)</c></summary>
    Event,

    /// <summary><c>(TEvent, CancellationToken)</c></summary>
    EventAndToken,

    /// <summary><c>(TEvent, EventContext, CancellationToken)</c></summary>
    EventContextAndToken,
}

/// <summary>What an <c>[EventHandler]</c> method returns.</summary>
internal enum HandlerReturn
{
    Void,
    Task,
    ValueTask,
}

/// <summary>
/// The shapes of event handlers, shared by the handler generator (which calls the callable ones) and the
/// handler analyzers (which report the rest): an instance method <c>void</c>/<c>Task</c>/<c>ValueTask
/// Handle(TEvent[, EventContext], [CancellationToken])</c>, not <c>async void</c>.
/// </summary>
internal static class EventHandlerMethods
{
    /// <summary>Why <paramref name="method"/> cannot be called as a handler, or null (then the out values are set).</summary>
    public static string? ShapeProblem(IMethodSymbol method, out ITypeSymbol? eventType, out HandlerParameters parameters, out HandlerReturn returns)
    {
        eventType = null;
        parameters = default;
        returns = default;
        if (method.IsStatic || method.IsGenericMethod)
        {
            return "a handler is a non-generic instance method";
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return "a handler is not 'async void': the bus could neither await it nor see it fail";
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
            return "a handler returns void, Task or ValueTask";
        }

        var p = method.Parameters;
        foreach (var parameter in p)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return "a handler's parameters are passed by value";
            }
        }

        var shape = p.Length switch
        {
            1 => HandlerParameters.Event,
            2 when SagaSteps.IsCancellationToken(p[1].Type) => HandlerParameters.EventAndToken,
            3 when IsEventContext(p[1].Type) && SagaSteps.IsCancellationToken(p[2].Type) => HandlerParameters.EventContextAndToken,
            _ => (HandlerParameters?)null,
        };
        if (shape is null || p[0].Type.TypeKind == TypeKind.Error || SagaSteps.IsCancellationToken(p[0].Type) || IsEventContext(p[0].Type))
        {
            return "a handler takes (TEvent), (TEvent, CancellationToken) or (TEvent, EventContext, CancellationToken)";
        }

        eventType = p[0].Type;
        parameters = shape.Value;
        return null;
    }

    private static bool IsEventContext(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "EventContext", ContainingNamespace: { } ns } && ns.ToDisplayString() == "PatternsGen.Messaging";
}
