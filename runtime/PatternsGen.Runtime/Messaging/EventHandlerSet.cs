using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace PatternsGen.Messaging;

/// <summary>
/// The handlers of one class, as the generated <c>AddPatternsGen()</c> registers them with a container:
/// one service per class, so several assemblies can each add theirs.
/// </summary>
public sealed class EventHandlerSet(IReadOnlyList<EventHandlerRegistration> handlers)
{
    /// <summary>The handlers.</summary>
    public IReadOnlyList<EventHandlerRegistration> Handlers { get; } = handlers ?? throw new ArgumentNullException(nameof(handlers));

    /// <summary>An <see cref="InMemoryEventBus"/> with every registered set, and the <see cref="EventBusOptions"/> service if there is one. Used by generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static InMemoryEventBus CreateBus(IServiceProvider services) =>
        new(services.GetServices<EventHandlerSet>().SelectMany(static set => set.Handlers), services.GetService<EventBusOptions>());
}
