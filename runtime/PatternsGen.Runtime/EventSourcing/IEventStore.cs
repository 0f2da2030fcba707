namespace PatternsGen.EventSourcing;

/// <summary>
/// An append-only store of event streams. Each stream is a sequence of events numbered from 1
/// (<see cref="RecordedEvent.Version"/>); every event also has a store-wide
/// <see cref="RecordedEvent.Position"/> that orders all streams together (the global stream).
/// </summary>
/// <remarks>
/// Implementations: <see cref="InMemoryEventStore"/>, <c>SqliteEventStore</c> (PatternsGen.EventStore.Sqlite)
/// and <c>PostgresEventStore</c> (PatternsGen.EventStore.PostgreSql). Each passes the same contract tests.
/// </remarks>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> to the end of <paramref name="streamId"/> as one atomic batch:
    /// all of them are stored, or none is.
    /// </summary>
    /// <param name="streamId">The stream, stored verbatim. Must not be empty.</param>
    /// <param name="expectedVersion">
    /// The stream's version the caller last saw: <see cref="ExpectedVersion.NoStream"/> (0) for a new stream,
    /// <see cref="ExpectedVersion.Any"/> (-1) to skip the check.
    /// </param>
    /// <param name="events">The events, oldest first. Each type must be known to the store (see <see cref="EventTypes"/>).</param>
    /// <param name="ct">Cancels the append; a cancelled append writes nothing.</param>
    /// <returns>The stream's new version: the version of the last event appended.</returns>
    /// <exception cref="ConcurrencyException">The stream is not at <paramref name="expectedVersion"/>; nothing was written.</exception>
    ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default);

    /// <summary>The events of <paramref name="streamId"/> with <c>Version &gt; fromVersion</c>, in version order. Empty when the stream does not exist.</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken ct = default);

    /// <summary>The events of every stream with <c>Position &gt; fromPosition</c>, in position order.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 0, CancellationToken ct = default);
}
