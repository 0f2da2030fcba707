using System.Runtime.CompilerServices;

namespace PatternsGen.EventSourcing;

/// <summary>
/// An event store in process memory: for tests, prototypes and single-process tools. Events are kept
/// as objects (not serialized), but names, ids, metadata and concurrency follow the other stores exactly.
/// </summary>
public sealed class InMemoryEventStore : IEventStore, ISnapshotStore, IAppendNotifier
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    private readonly List<RecordedEvent> _all = [];
    private readonly Dictionary<string, object> _snapshots = new(StringComparer.Ordinal);
    private readonly EventEncoder _encoder;

    /// <summary>Creates an empty store.</summary>
    public InMemoryEventStore(EventStoreOptions? options = null) => _encoder = new EventEncoder(options);

    /// <inheritdoc />
    public AppendSignal Appends { get; } = new();

    /// <inheritdoc />
    public ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
    {
        EventEncoder.ValidateAppend(streamId, expectedVersion, events);
        ct.ThrowIfCancellationRequested();
        var pending = _encoder.Encode(events, serialize: false);
        long version;
        lock (_gate)
        {
            _streams.TryGetValue(streamId, out var stream);
            var current = stream?.Count ?? 0;
            if (expectedVersion != ExpectedVersion.Any && expectedVersion != current)
            {
                throw new ConcurrencyException(streamId, expectedVersion, current);
            }

            if (pending.Length == 0)
            {
                return new ValueTask<long>(current);
            }

            if (stream is null)
            {
                _streams.Add(streamId, stream = []);
            }

            foreach (var e in pending)
            {
                var recorded = new RecordedEvent(e.EventId, streamId, stream.Count + 1, _all.Count + 1, e.EventType, e.Data,
                    e.Timestamp, e.CorrelationId, e.CausationId, e.TraceParent);
                stream.Add(recorded);
                _all.Add(recorded);
            }

            version = stream.Count;
        }

        Appends.Signal();
        return new ValueTask<long>(version);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken ct = default)
    {
        EventEncoder.ValidateStreamId(streamId);
        EventEncoder.ValidateFrom(fromVersion, nameof(fromVersion));
        return Read(streamId, fromVersion, ct);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 0, CancellationToken ct = default)
    {
        EventEncoder.ValidateFrom(fromPosition, nameof(fromPosition));
        return Read(null, fromPosition, ct);
    }

    /// <inheritdoc />
    public ValueTask<Snapshot<TState>?> ReadSnapshotAsync<TState>(string streamId, int schemaVersion, CancellationToken ct = default)
    {
        EventEncoder.ValidateStreamId(streamId);
        lock (_gate)
        {
            return new ValueTask<Snapshot<TState>?>(
                _snapshots.TryGetValue(streamId, out var stored) && stored is Snapshot<TState> snapshot && snapshot.SchemaVersion == schemaVersion
                    ? snapshot
                    : null);
        }
    }

    /// <inheritdoc />
    public ValueTask WriteSnapshotAsync<TState>(string streamId, Snapshot<TState> snapshot, CancellationToken ct = default)
    {
        EventEncoder.ValidateStreamId(streamId);
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(streamId, out var existing) || existing is not Snapshot<TState> stored || stored.Version <= snapshot.Version)
            {
                _snapshots[streamId] = snapshot;
            }
        }

        return ValueTask.CompletedTask;
    }

    // Streams and the global list only grow, so an index taken under the lock stays valid; each
    // element is read under the lock because List<T> may be resizing on another thread.
    private async IAsyncEnumerable<RecordedEvent> Read(string? streamId, long from, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        for (var index = (int)Math.Min(from, int.MaxValue); ; index++)
        {
            ct.ThrowIfCancellationRequested();
            RecordedEvent next;
            lock (_gate)
            {
                List<RecordedEvent>? list = streamId is null ? _all : _streams.GetValueOrDefault(streamId);
                if (list is null || index >= list.Count)
                {
                    yield break;
                }

                next = list[index];
            }

            yield return next;
        }
    }
}
