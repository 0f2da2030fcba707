namespace PatternsGen.Messaging;

/// <summary>What a handler taking <c>(TEvent, EventContext, CancellationToken)</c> is told about the delivery.</summary>
public readonly struct EventContext
{
    private readonly EventMessage _message;

    /// <summary>Creates the context of one delivery attempt.</summary>
    public EventContext(EventMessage message, int attempt)
    {
        ArgumentNullException.ThrowIfNull(message);
        _message = message;
        Attempt = attempt;
    }

    /// <summary>The message's id: the same on every redelivery, so it serves as an idempotency key.</summary>
    public Guid MessageId => _message.MessageId;

    /// <summary>The event's name.</summary>
    public string Topic => _message.Topic;

    /// <summary>The ordering key (a stream id), if any.</summary>
    public string? Key => _message.Key;

    /// <summary>The message's number within its key (a stream version); 0 when not known.</summary>
    public long Sequence => _message.Sequence;

    /// <summary>The correlation id the message carries.</summary>
    public string? CorrelationId => _message.CorrelationId;

    /// <summary>The causation id the message carries.</summary>
    public string? CausationId => _message.CausationId;

    /// <summary>This attempt's number, from 1; more than 1 is a retry.</summary>
    public int Attempt { get; }
}
