using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PatternsGen.EventSourcing;

/// <summary>
/// One registered event type: its stored name, and JSON conversion typed to the event, so the
/// serializer needs no reflection when the options' resolver (e.g. a <c>JsonSerializerContext</c>) knows the type.
/// </summary>
public abstract class EventTypeInfo
{
    private protected EventTypeInfo(string name, Type type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The name stored with each event of this type.</summary>
    public string Name { get; }

    /// <summary>The event type.</summary>
    public Type Type { get; }

    /// <summary>Serializes <paramref name="event"/> (of <see cref="Type"/>) to UTF-8 JSON.</summary>
    public abstract byte[] Serialize(object @event, JsonSerializerOptions options);

    /// <summary>Deserializes UTF-8 JSON written by <see cref="Serialize"/>.</summary>
    public abstract object Deserialize(ReadOnlySpan<byte> json, JsonSerializerOptions options);

    /// <inheritdoc />
    public override string ToString() => $"{Name} → {Type}";
}

/// <param name="name">The stored name.</param>
/// <param name="contract">A JSON contract fixed by the type's owner (the runtime's own records); null to take it from the store's options.</param>
internal sealed class EventTypeInfo<TEvent>(string name, JsonTypeInfo<TEvent>? contract = null) : EventTypeInfo(name, typeof(TEvent))
    where TEvent : notnull
{
    public override byte[] Serialize(object @event, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes((TEvent)@event, TypeInfo(options));

    public override object Deserialize(ReadOnlySpan<byte> json, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(json, TypeInfo(options))
        ?? throw new EventSerializationException($"Stored event '{Name}' is JSON null.");

    private JsonTypeInfo<TEvent> TypeInfo(JsonSerializerOptions options) => contract ?? JsonMetadata.For<TEvent>(options);
}
