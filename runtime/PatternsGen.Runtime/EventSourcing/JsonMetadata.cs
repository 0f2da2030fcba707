using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PatternsGen.EventSourcing;

/// <summary>Typed JSON metadata from the configured options, with a message that says what to do when it is missing.</summary>
internal static class JsonMetadata
{
    public static JsonTypeInfo<T> For<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)For(typeof(T), options);

    public static JsonTypeInfo For(Type type, JsonSerializerOptions options)
    {
        try
        {
            return options.GetTypeInfo(type);
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException)
        {
            throw new EventSerializationException(
                $"No JSON metadata for '{type}'. Under Native AOT or with reflection disabled, list it in a JsonSerializerContext " +
                $"([JsonSerializable(typeof({type.Name}))]) and give the store that context's options (EventStoreOptions.JsonOptions).",
                error);
        }
    }
}
