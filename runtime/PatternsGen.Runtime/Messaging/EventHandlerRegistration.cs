namespace PatternsGen.Messaging;

/// <summary>
/// One handler method as the bus knows it. Generated for each <c>[EventHandler]</c> method (see the
/// generated <c>GetEventHandlers</c> of its class); nothing is found by reflection.
/// </summary>
public sealed class EventHandlerRegistration
{
    /// <param name="name">Unique and stable: the inbox and the dead-letter queue know the handler by it (<c>Namespace.Class.Method</c>).</param>
    /// <param name="eventType">The event type taken (its subtypes too); null for a topic handler.</param>
    /// <param name="topic">The event name taken; null for a type handler.</param>
    /// <param name="usesInbox">De-duplicate by message id through the bus's inbox.</param>
    /// <param name="handle">Calls the handler.</param>
    public EventHandlerRegistration(string name, Type? eventType, string? topic, bool usesInbox, Func<object, EventContext, CancellationToken, ValueTask> handle)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handle);
        if ((eventType is null) == (topic is null))
        {
            throw new ArgumentException($"Handler '{name}' needs exactly one of an event type or a topic.");
        }

        Name = name;
        EventType = eventType;
        Topic = topic;
        UsesInbox = usesInbox;
        Handle = handle;
    }

    /// <summary>The handler's name.</summary>
    public string Name { get; }

    /// <summary>The event type taken, or null.</summary>
    public Type? EventType { get; }

    /// <summary>The topic taken, or null.</summary>
    public string? Topic { get; }

    /// <summary>Whether the inbox de-duplicates its messages.</summary>
    public bool UsesInbox { get; }

    /// <summary>Calls the handler.</summary>
    public Func<object, EventContext, CancellationToken, ValueTask> Handle { get; }

    /// <summary>Whether this handler takes <paramref name="message"/>.</summary>
    public bool Takes(EventMessage message) =>
        EventType is not null ? EventType.IsInstanceOfType(message.Event) : Topic == message.Topic;

    /// <inheritdoc />
    public override string ToString() => Name;
}
