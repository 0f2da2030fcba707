namespace PatternsGen.EventSourcing;

/// <summary>
/// Thrown by a generated <c>ApplyEvent</c> when the aggregate has no <c>Apply</c> method that
/// accepts the event's type.
/// </summary>
public sealed class UnknownEventException : InvalidOperationException
{
    /// <summary>Creates the exception for an event of <paramref name="eventType"/> given to <paramref name="aggregateType"/>.</summary>
    /// <param name="aggregateType">The aggregate that received the event.</param>
    /// <param name="eventType">The runtime type of the event it cannot apply.</param>
    public UnknownEventException(Type aggregateType, Type eventType)
        : base($"Aggregate '{aggregateType}' has no Apply method for events of type '{eventType}'. " +
               $"Add 'void Apply({eventType.Name} e)' to the aggregate, or stop raising or storing that event for it.")
    {
        AggregateType = aggregateType;
        EventType = eventType;
    }

    /// <summary>The aggregate that received the event.</summary>
    public Type AggregateType { get; }

    /// <summary>The runtime type of the event it cannot apply.</summary>
    public Type EventType { get; }
}
