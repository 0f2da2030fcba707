namespace PatternsGen.EventSourcing;

/// <summary>An event as stored: the event object with its place in its stream and in the global stream, and its metadata.</summary>
public sealed class RecordedEvent
{
    /// <summary>Creates a recorded event; stores call this when they read or append.</summary>
    public RecordedEvent(
        Guid eventId,
        string streamId,
        long version,
        long position,
        string eventType,
        object data,
        DateTimeOffset timestamp,
        string? correlationId = null,
        string? causationId = null,
        string? traceParent = null)
    {
        EventId = eventId;
        StreamId = streamId;
        Version = version;
        Position = position;
        EventType = eventType;
        Data = data;
        Timestamp = timestamp;
        CorrelationId = correlationId;
        CausationId = causationId;
        TraceParent = traceParent;
    }

    /// <summary>The event's unique id, given when it was appended. Consumers de-duplicate by it.</summary>
    public Guid EventId { get; }

    /// <summary>The stream the event belongs to, exactly as appended.</summary>
    public string StreamId { get; }

    /// <summary>The event's number in its stream: 1 for the first.</summary>
    public long Version { get; }

    /// <summary>The event's place in the store's global order. Increasing, not necessarily contiguous.</summary>
    public long Position { get; }

    /// <summary>The event's name (<c>[Event("name")]</c>, or the type's name).</summary>
    public string EventType { get; }

    /// <summary>The event object.</summary>
    public object Data { get; }

    /// <summary>When the event was appended, from the store's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The id shared by everything done for one request or workflow; see <see cref="EventMetadata"/>.</summary>
    public string? CorrelationId { get; }

    /// <summary>The id of what caused this event (a command or message); see <see cref="EventMetadata"/>.</summary>
    public string? CausationId { get; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the activity the event was appended in, or null: a bus that forwards the event
    /// continues that trace, so a request's trace goes on through the events it stored.
    /// </summary>
    public string? TraceParent { get; }

    /// <inheritdoc />
    public override string ToString() => $"{StreamId}@{Version} #{Position} {EventType}";
}
