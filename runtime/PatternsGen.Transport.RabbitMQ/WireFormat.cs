using System.Diagnostics;
using System.Globalization;
using System.Text;
using PatternsGen.EventSourcing;
using RabbitMQ.Client;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>
/// How an <see cref="EventMessage"/> travels: the event's JSON as the body, its name as the AMQP <c>type</c>, its id as
/// <c>message-id</c>, its correlation id as <c>correlation-id</c>, and the rest (key, sequence, causation, attempt, W3C trace
/// context) as headers. Persistent, so that durable queues keep it across a broker restart.
/// </summary>
internal static class WireFormat
{
    public const string KeyHeader = "patternsgen-key";
    public const string SequenceHeader = "patternsgen-sequence";
    public const string CausationHeader = "patternsgen-causation-id";
    public const string AttemptHeader = "patternsgen-attempt";
    public const string PreviousDelayHeader = "patternsgen-previous-delay-ms";
    public const string ContentType = "application/json";

    /// <summary>
    /// The properties and headers of <paramref name="message"/>. The trace context that goes in is the <c>send</c>
    /// span's when there is one (nobody may listen), else the one the message was stored under, else the current activity's.
    /// </summary>
    public static BasicProperties Properties(EventMessage message, Activity? send)
    {
        var context = send ?? (message.TraceParent is null ? Activity.Current : null);
        Dictionary<string, object?>? headers = null; // none for a message with nothing to say beyond its properties
        if (message.Key is { } key)
        {
            headers = new Dictionary<string, object?>(4) { [KeyHeader] = key, [SequenceHeader] = message.Sequence };
        }

        if (message.CausationId is { } causation)
        {
            (headers ??= new Dictionary<string, object?>(4))[CausationHeader] = causation;
        }

        if (context is not null)
        {
            headers ??= new Dictionary<string, object?>(4);
            DistributedContextPropagator.Current.Inject(context, headers, static (carrier, name, value) =>
            {
                if (value is not null)
                {
                    ((Dictionary<string, object?>)carrier!)[name] = value;
                }
            });
        }
        else if (message.TraceParent is { } traceParent)
        {
            (headers ??= new Dictionary<string, object?>(4))["traceparent"] = traceParent;
        }

        return new BasicProperties
        {
            MessageId = message.MessageId.ToString(),
            Type = message.Topic,
            CorrelationId = message.CorrelationId,
            ContentType = ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
    }

    /// <summary>A copy of a received message's properties, for publishing it again (a retry, a dead letter, a replay).</summary>
    public static BasicProperties Copy(IReadOnlyBasicProperties properties, Action<Dictionary<string, object?>> headers)
    {
        var copy = new BasicProperties(properties)
        {
            Headers = properties.Headers is { } existing ? new Dictionary<string, object?>(existing) : new Dictionary<string, object?>(),
            DeliveryMode = DeliveryModes.Persistent,
        };
        copy.Headers.Remove("x-death"); // the broker's own history; it adds its entries again
        copy.Headers.Remove("x-first-death-exchange");
        copy.Headers.Remove("x-first-death-queue");
        copy.Headers.Remove("x-first-death-reason");
        headers((Dictionary<string, object?>)copy.Headers);
        return copy;
    }

    /// <summary>
    /// Reads a received message. An unreadable one (no id, an unknown event name, a body that does not fit its type)
    /// gives false and the reason, in words an operator can act on; it is never handed to a handler.
    /// </summary>
    public static bool TryRead(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, EventEncoder json, out EventMessage message, out string reason)
    {
        message = null!;
        var topic = properties.Type;
        if (!Guid.TryParse(properties.MessageId, out var id))
        {
            reason = $"The message has no PatternsGen message id (message-id '{properties.MessageId}'); it was not published by a PatternsGen bus.";
            return false;
        }

        if (string.IsNullOrEmpty(topic))
        {
            reason = $"Message {id} has no event name (AMQP 'type' property); it was not published by a PatternsGen bus.";
            return false;
        }

        var key = Text(properties, KeyHeader);
        var sequence = Number(properties, SequenceHeader) ?? 0;
        object @event;
        try
        {
            @event = json.Decode(topic, body.Span, key ?? id.ToString(), sequence);
        }
        catch (EventSerializationException error)
        {
            reason = error.Message;
            return false;
        }

        message = new EventMessage(@event, id, key, sequence)
        {
            CorrelationId = properties.CorrelationId,
            CausationId = Text(properties, CausationHeader),
        };
        reason = "";
        return true;
    }

    /// <summary>The message as a dead letter shows it when it cannot be read: its bytes under its name.</summary>
    public static EventMessage Unreadable(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, string reason) =>
        new(new UnreadableMessage(properties.Type, reason, body.ToArray()), Guid.TryParse(properties.MessageId, out var id) ? id : Guid.Empty, Text(properties, KeyHeader))
        {
            Topic = string.IsNullOrEmpty(properties.Type) ? "(none)" : properties.Type,
            CorrelationId = properties.CorrelationId,
        };

    /// <summary>The publisher's trace context, if the message carries one.</summary>
    public static ActivityContext TraceParent(IReadOnlyBasicProperties properties)
    {
        if (properties.Headers is null || !properties.Headers.ContainsKey("traceparent"))
        {
            return default;
        }

        DistributedContextPropagator.Current.ExtractTraceIdAndState(properties.Headers, Getter, out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }

    /// <summary>The publisher's baggage onto the handler's span.</summary>
    public static void AddBaggage(Activity? activity, IReadOnlyBasicProperties properties)
    {
        if (activity is null || properties.Headers is null || !properties.Headers.ContainsKey("baggage"))
        {
            return;
        }

        if (DistributedContextPropagator.Current.ExtractBaggage(properties.Headers, Getter) is { } baggage)
        {
            foreach (var (name, value) in baggage)
            {
                activity.AddBaggage(name, value);
            }
        }
    }

    public static string? Text(IReadOnlyBasicProperties properties, string header) =>
        properties.Headers is { } headers && headers.TryGetValue(header, out var value) ? AsText(value) : null;

    public static long? Number(IReadOnlyBasicProperties properties, string header) =>
        properties.Headers is { } headers && headers.TryGetValue(header, out var value)
            ? value switch
            {
                long l => l,
                int i => i,
                short s => s,
                byte b => b,
                _ => AsText(value) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            }
            : null;

    /// <summary>A header's text: AMQP hands strings back as bytes.</summary>
    public static string? AsText(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        null => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static void Getter(object? carrier, string name, out string? value, out IEnumerable<string>? values)
    {
        values = null;
        value = carrier is IDictionary<string, object?> headers && headers.TryGetValue(name, out var raw) ? AsText(raw) : null;
    }
}
