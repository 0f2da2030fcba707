using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PatternsGen.Messaging;

/// <summary>
/// The handlers of one class, as the generated <c>AddPatternsGen()</c> registers them with a container:
/// one service per class, so several assemblies can each add theirs.
/// </summary>
public sealed class EventHandlerSet(IReadOnlyList<EventHandlerRegistration> handlers)
{
    /// <summary>The handlers.</summary>
    public IReadOnlyList<EventHandlerRegistration> Handlers { get; } = handlers ?? throw new ArgumentNullException(nameof(handlers));

    /// <summary>
    /// Registers handler class <typeparamref name="T"/> (scoped, unless already registered: a new scope per message) and its
    /// handlers as one set. Used by the generated <c>AddPatternsGen()</c>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(IServiceCollection services)
        where T : class, IEventHandlerClass<T>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<T>();
        services.AddSingleton(static provider => new EventHandlerSet(T.GetEventHandlers(EventDispatch.FromServices<T>(provider))));
    }

    /// <summary>
    /// Registers, unless already registered, an <see cref="InMemoryEventBus"/> as <see cref="IEventBus"/> with every
    /// registered set (configured by the <see cref="EventBusOptions"/> service, if there is one). Used by the generated <c>AddPatternsGen()</c>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void AddInMemoryBus(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(static provider =>
            new InMemoryEventBus(provider.GetServices<EventHandlerSet>().SelectMany(static set => set.Handlers), provider.GetService<EventBusOptions>()));
        services.TryAddSingleton<IEventBus>(static provider => provider.GetRequiredService<InMemoryEventBus>());
    }
}
