using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PatternsGen.EventSourcing;

/// <summary>Typed JSON metadata from the configured options, with a message that says what to do when it is missing.</summary>
internal static class JsonMetadata
{
    public static JsonTypeInfo<T> For<T>(JsonSerializerOptions options)
    {
        try
        {
            return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException)
        {
            throw new EventSerializationException(
                $"No JSON metadata for '{typeof(T)}'. Under Native AOT or with reflection disabled, list it in a JsonSerializerContext " +
                $"([JsonSerializable(typeof({typeof(T).Name}))]) and give the store that context's options (EventStoreOptions.JsonOptions).",
                error);
        }
    }
}
