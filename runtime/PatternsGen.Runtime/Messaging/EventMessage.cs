using PatternsGen.EventSourcing;

namespace PatternsGen.Messaging;

/// <summary>One event on the bus, with what identifies and orders it.</summary>
public sealed class EventMessage
{
    /// <param name="event">The event.</param>
    /// <param name="messageId">Its id, which the inbox de-duplicates by; a new one when empty.</param>
    /// <param name="key">
    /// Messages with one key reach each handler in the order published (an event store stream id, say);
    /// null for none.
    /// </param>
    /// <param name="sequence">The message's number within its key (a stream version), for the handler's information.</param>
    public EventMessage(object @event, Guid messageId = default, string? key = null, long sequence = 0)
    {
        ArgumentNullException.ThrowIfNull(@event);
        Event = @event;
        MessageId = messageId == Guid.Empty ? Guid.NewGuid() : messageId;
        Topic = EventTypes.NameOf(@event.GetType()) ?? @event.GetType().Name;
        Key = key;
        Sequence = sequence;
        CorrelationId = EventMetadata.CorrelationId;
        CausationId = EventMetadata.CausationId;
    }

    /// <summary>A message for an event read from a store: its event id, stream, version and metadata carry over.</summary>
    public static EventMessage From(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new EventMessage(recorded.Data, recorded.EventId, recorded.StreamId, recorded.Version)
        {
            CorrelationId = recorded.CorrelationId,
            CausationId = recorded.CausationId,
            TraceParent = recorded.TraceParent,
        };
    }

    /// <summary>The event.</summary>
    public object Event { get; }

    /// <summary>The message's id; the inbox de-duplicates by it.</summary>
    public Guid MessageId { get; }

    /// <summary>
    /// The event's name (<c>[Event("...")]</c>), which topic handlers subscribe to; its type's name when it is not
    /// registered. A transport sets it to the name a message arrived under when it could not read the event.
    /// </summary>
    public string Topic { get; init; }

    /// <summary>The ordering key; null for none.</summary>
    public string? Key { get; }

    /// <summary>The message's number within its key; 0 when not known.</summary>
    public long Sequence { get; }

    /// <summary>The correlation id in effect when it was published (<see cref="EventMetadata"/>), or the stored event's.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The causation id in effect when it was published, or the stored event's.</summary>
    public string? CausationId { get; init; }

    /// <summary>
    /// For an event read from a store, the W3C <c>traceparent</c> it was appended under: its <c>send</c> and
    /// <c>process</c> spans continue that trace. Null for a message published directly, which continues the publisher's.
    /// </summary>
    public string? TraceParent { get; init; }
}
