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

    /// <summary>
    /// Throws for an event no <c>Apply</c> of <paramref name="aggregateType"/> accepts (or <see cref="ArgumentNullException"/>
    /// for null). Called by generated <c>ApplyEvent</c>: a throw in a helper keeps the switch short.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Throw(Type aggregateType, object? @event) =>
        throw (@event is null ? new ArgumentNullException(nameof(@event)) : new UnknownEventException(aggregateType, @event.GetType()));

    /// <summary>The runtime type of the event it cannot apply.</summary>
    public Type EventType { get; }
}
