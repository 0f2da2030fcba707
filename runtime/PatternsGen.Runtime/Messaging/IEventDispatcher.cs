using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace PatternsGen.Messaging;

/// <summary>
/// A class with <c>[EventHandler]</c> methods. PatternsGen implements it: <see cref="DispatchEventAsync"/>
/// is a generated switch that calls handler number <c>handler</c> with the event cast to its type.
/// </summary>
public interface IEventDispatcher
{
    /// <summary>Calls the class's handler number <paramref name="handler"/> (as in the generated <c>GetEventHandlers</c>).</summary>
    ValueTask DispatchEventAsync(int handler, object @event, EventContext context, CancellationToken ct);
}

/// <summary>An <see cref="IEventDispatcher"/> class whose handlers can be listed without an instance: what registration needs.</summary>
/// <typeparam name="TSelf">The handler class itself.</typeparam>
public interface IEventHandlerClass<TSelf> : IEventDispatcher
    where TSelf : IEventHandlerClass<TSelf>
{
    /// <summary>The class's handlers, each served by an instance from <paramref name="dispatch"/>.</summary>
    static abstract EventHandlerRegistration[] GetEventHandlers(EventDispatch<TSelf> dispatch);
}

/// <summary>
/// Where the instance that handles a message comes from, for the generated <c>GetEventHandlers</c>:
/// a factory (<see cref="EventDispatch.From{T}(Func{T})"/>) or a service provider with a scope per message
/// (<see cref="EventDispatch.FromServices{T}"/>, used by <c>AddPatternsGen()</c>).
/// </summary>
public abstract class EventDispatch<T>
    where T : IEventDispatcher
{
    /// <summary>The call the bus makes for handler number <paramref name="handler"/> of <typeparamref name="T"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract Func<object, EventContext, CancellationToken, ValueTask> For(int handler);
}

/// <summary>Makes <see cref="EventDispatch{T}"/>s.</summary>
public static class EventDispatch
{
    /// <summary>Each message is handled by the instance <paramref name="instance"/> returns (one instance for all: <c>() =&gt; handlers</c>).</summary>
    public static EventDispatch<T> From<T>(Func<T> instance)
        where T : IEventDispatcher
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new FactoryDispatch<T>(instance);
    }

    /// <summary>Each message is handled by a <typeparamref name="T"/> resolved in a new scope of <paramref name="services"/>, disposed afterwards.</summary>
    public static EventDispatch<T> FromServices<T>(IServiceProvider services)
        where T : IEventDispatcher
    {
        ArgumentNullException.ThrowIfNull(services);
        return new ScopedDispatch<T>(services);
    }

    private sealed class FactoryDispatch<T>(Func<T> instance) : EventDispatch<T>
        where T : IEventDispatcher
    {
        public override Func<object, EventContext, CancellationToken, ValueTask> For(int handler) =>
            (e, context, ct) => instance().DispatchEventAsync(handler, e, context, ct);
    }

    private sealed class ScopedDispatch<T>(IServiceProvider services) : EventDispatch<T>
        where T : IEventDispatcher
    {
        public override Func<object, EventContext, CancellationToken, ValueTask> For(int handler) =>
            async (e, context, ct) =>
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<T>().DispatchEventAsync(handler, e, context, ct).ConfigureAwait(false);
            };
    }
}
