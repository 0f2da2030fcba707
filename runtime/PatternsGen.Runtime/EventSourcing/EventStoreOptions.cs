using System.Text.Json;

namespace PatternsGen.EventSourcing;

/// <summary>Options shared by every event store.</summary>
public sealed class EventStoreOptions
{
    /// <summary>
    /// How events and snapshots become JSON. <see langword="null"/> (the default) uses reflection-based
    /// metadata where the runtime allows it (not under Native AOT). For Native AOT pass a source-generated
    /// context's options (<c>MyJsonContext.Default.Options</c>) listing every event and snapshot type;
    /// PGEN206 names the types a project's context is missing.
    /// </summary>
    public JsonSerializerOptions? JsonOptions { get; set; }

    /// <summary>The clock that stamps <see cref="RecordedEvent.Timestamp"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
