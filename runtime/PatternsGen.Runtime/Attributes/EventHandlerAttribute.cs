namespace PatternsGen;

/// <summary>
/// Marks a method as a handler of an event. Without a topic, the event type is the type of the
/// method's first parameter; with a topic (for example <c>"order.created"</c>), the handler receives
/// the events published under that name.
/// </summary>
/// <remarks>
/// Delivery is at least once, so a handler may see the same message twice. Make the handler safe
/// to repeat and say so with <see cref="IdempotentAttribute"/>, or let the runtime's inbox
/// de-duplicate it (PGEN002 reports handlers that are neither).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class EventHandlerAttribute : Attribute
{
    /// <summary>Handles the event type of the method's first parameter.</summary>
    public EventHandlerAttribute()
    {
    }

    /// <summary>Handles the events published under <paramref name="topic"/>.</summary>
    /// <param name="topic">An event name, as given by <see cref="EventAttribute"/>.</param>
    public EventHandlerAttribute(string topic) => Topic = topic;

    /// <summary>The event name handled, or <see langword="null"/> to use the first parameter's type.</summary>
    public string? Topic { get; }

    /// <summary>
    /// De-duplicate this handler's messages by message id through the bus's inbox (durable on SQLite and
    /// PostgreSQL): a message it has handled is skipped when delivered again. Silences PGEN002.
    /// </summary>
    public bool UseInbox { get; set; }
}
