namespace PatternsGen.EventSourcing;

/// <summary>Special values for the <c>expectedVersion</c> of <see cref="IEventStore.AppendAsync"/>.</summary>
public static class ExpectedVersion
{
    /// <summary>Append whatever the stream's version is (no optimistic concurrency check).</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet: the first event appended gets version 1.</summary>
    public const long NoStream = 0;
}
