using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PatternsGen.EventSourcing;

/// <summary>The JSON options used when none are given: reflection-based where the runtime allows it.</summary>
internal static class DefaultJsonOptions
{
    public static JsonSerializerOptions Instance { get; } = Create();

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only when reflection-based serialization is enabled, which Native AOT and trimmed apps turn off by default.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only when reflection-based serialization is enabled, which Native AOT turns off by default.")]
    private static JsonSerializerOptions Create()
    {
        // Without reflection every type must come from the user's context; an empty resolver makes
        // JsonMetadata.For explain that instead of failing deep inside System.Text.Json.
        IJsonTypeInfoResolver resolver = JsonSerializer.IsReflectionEnabledByDefault
            ? new DefaultJsonTypeInfoResolver()
            : JsonTypeInfoResolver.Combine();
        var options = new JsonSerializerOptions { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }
}
