using PatternsGen.EventSourcing;

namespace PatternsGen.Runtime.Tests.Sagas.Log;

/// <summary>
/// A store whose process "dies" at append number <c>crashAt</c>: that append and every later one throw,
/// either before the events are written or after (the write landed, the caller never heard).
/// </summary>
internal sealed class CrashingStore(IEventStore inner, int crashAt, bool afterWrite) : IEventStore
{
    private int _appends;

    public int Appends => _appends;

    public async ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
    {
        var number = ++_appends;
        if (number < crashAt)
        {
            return await inner.AppendAsync(streamId, expectedVersion, events, ct);
        }

        if (number == crashAt && afterWrite)
        {
            await inner.AppendAsync(streamId, expectedVersion, events, ct);
        }

        throw new IOException($"simulated crash at append {number}");
    }

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken ct = default) =>
        inner.ReadStreamAsync(streamId, fromVersion, ct);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 0, CancellationToken ct = default) =>
        inner.ReadAllAsync(fromPosition, ct);
}

/// <summary>Every call of a side effect, in order.</summary>
internal sealed class MemoryEffects : PatternsGen.EventStore.Testing.ISagaEffects
{
    public List<string> Calls { get; } = [];

    public void Record(string kind, string key) => Calls.Add($"{kind} {key}");
}
