using System.Runtime.CompilerServices;

namespace PatternsGen.EventSourcing;

/// <summary>
/// For store implementations: reads a stream or the global stream one page at a time, so that no
/// read holds a connection or a transaction open while the caller works on the events.
/// </summary>
public static class EventPages
{
    /// <summary>Rows per query.</summary>
    public const int PageSize = 512;

    /// <summary>
    /// Calls <paramref name="readPage"/> (from, limit) until a page comes back short, yielding every event.
    /// The next page starts after the last event's <see cref="RecordedEvent.Position"/> when
    /// <paramref name="byPosition"/>, else after its <see cref="RecordedEvent.Version"/>.
    /// </summary>
    public static async IAsyncEnumerable<RecordedEvent> ReadAsync(
        Func<long, int, CancellationToken, ValueTask<List<RecordedEvent>>> readPage,
        long from,
        bool byPosition,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        while (true)
        {
            var page = await readPage(from, PageSize, ct).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            from = byPosition ? page[^1].Position : page[^1].Version;
        }
    }
}
