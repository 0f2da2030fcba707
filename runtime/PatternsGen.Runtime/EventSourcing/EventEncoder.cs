using System.Diagnostics;

namespace PatternsGen.EventSourcing;

/// <summary>
/// The part of every event store that is not about its database: argument checks, event names,
/// JSON, ids, timestamps and metadata. Stores (the shipped ones, and yours) share it so that they
/// accept and refuse exactly the same input.
/// </summary>
public sealed class EventEncoder
{
    /// <summary>Creates an encoder; <see langword="null"/> options mean the defaults.</summary>
    public EventEncoder(EventStoreOptions? options = null)
    {
        options ??= new EventStoreOptions();
        if (options.TimeProvider is null)
        {
            throw new ArgumentException("EventStoreOptions.TimeProvider must not be null.", nameof(options));
        }

        TimeProvider = options.TimeProvider;
        Json = options.JsonOptions ?? DefaultJsonOptions.Instance;
    }

    /// <summary>The clock that stamps events.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The JSON options events and snapshots are written with.</summary>
    public System.Text.Json.JsonSerializerOptions Json { get; }

    /// <summary>Checks the arguments of <see cref="IEventStore.AppendAsync"/>, with the same messages in every store.</summary>
    public static void ValidateAppend(string streamId, long expectedVersion, IReadOnlyList<object> events)
    {
        ValidateStreamId(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (expectedVersion < ExpectedVersion.Any)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                "Expected version must be ExpectedVersion.Any (-1), ExpectedVersion.NoStream (0) or a stream version (> 0).");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Event {i} of the batch for stream '{streamId}' is null.", nameof(events));
            }
        }
    }

    /// <summary>Checks a stream id: any non-empty string, stored verbatim.</summary>
    public static void ValidateStreamId(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        if (streamId.Length == 0)
        {
            throw new ArgumentException("Stream id must not be empty.", nameof(streamId));
        }
    }

    /// <summary>Checks a read's starting point (a version or a position): 0 or more.</summary>
    public static void ValidateFrom(long from, string parameterName) =>
        ArgumentOutOfRangeException.ThrowIfNegative(from, parameterName);

    /// <summary>Names, stamps and (when <paramref name="serialize"/>) serializes the events of one append.</summary>
    /// <exception cref="EventSerializationException">An event's type is not registered, or it cannot be serialized.</exception>
    public PendingEvent[] Encode(IReadOnlyList<object> events, bool serialize = true)
    {
        var now = TimeProvider.GetUtcNow();
        var correlationId = EventMetadata.CorrelationId;
        var causationId = EventMetadata.CausationId;
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
        var pending = new PendingEvent[events.Count];
        for (var i = 0; i < pending.Length; i++)
        {
            var data = events[i];
            var info = EventTypes.Get(data.GetType());
            pending[i] = new PendingEvent(NewEventId(now), info.Name, data, serialize ? Serialize(info, data) : null, now, correlationId, causationId, traceParent);
        }

        return pending;
    }

    /// <summary>An event's JSON, as stores and transports write it.</summary>
    /// <exception cref="EventSerializationException">The event's type is not registered, or it cannot be serialized.</exception>
    public byte[] Serialize(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Serialize(EventTypes.Get(@event.GetType()), @event);
    }

    private byte[] Serialize(EventTypeInfo info, object @event)
    {
        try
        {
            return info.Serialize(@event, Json);
        }
        catch (Exception error) when (error is not EventSerializationException and not OperationCanceledException)
        {
            throw new EventSerializationException($"Event '{info.Name}' ({info.Type}) could not be serialized: {error.Message}", error);
        }
    }

    /// <summary>Turns a stored event back into its object.</summary>
    /// <exception cref="EventSerializationException">The name is not registered, or the JSON does not fit the type.</exception>
    public object Decode(string eventType, ReadOnlySpan<byte> json, string streamId, long version)
    {
        if (!EventTypes.TryGet(eventType, out var info))
        {
            throw new EventSerializationException(
                $"Event {streamId}@{version} is stored as '{eventType}', which no registered event type is called. " +
                "Keep a type with that [Event(\"...\")] name (renamed types keep their old name), or register one with EventTypes.Register.");
        }

        try
        {
            return info.Deserialize(json, Json);
        }
        catch (Exception error) when (error is not EventSerializationException)
        {
            throw new EventSerializationException($"Event {streamId}@{version} ('{eventType}') could not be read as {info.Type}: {error.Message}", error);
        }
    }

    /// <summary>Serializes a snapshot's state.</summary>
    public byte[] EncodeSnapshot<TState>(TState state) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(state, JsonMetadata.For<TState>(Json));

    /// <summary>Deserializes a snapshot's state; <see langword="null"/> when the JSON is null.</summary>
    public TState? DecodeSnapshot<TState>(ReadOnlySpan<byte> json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, JsonMetadata.For<TState>(Json));

    private static Guid NewEventId(DateTimeOffset now) =>
#if NET9_0_OR_GREATER
        Guid.CreateVersion7(now); // ordered by time: friendlier to the stores' unique index
#else
        Guid.NewGuid();
#endif
}
