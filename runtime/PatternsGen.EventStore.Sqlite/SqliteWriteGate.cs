using System.Collections.Concurrent;

namespace PatternsGen.EventStore.Sqlite;

/// <summary>
/// One queue of writers per database file in this process. SQLite lets one writer at a time into a file, and one
/// that finds the lock taken gets SQLITE_BUSY, which Microsoft.Data.Sqlite answers by putting its thread to sleep for
/// a fixed time far longer than a write takes. Writers of one process therefore wait here, in order and without
/// holding a thread, and meet SQLite's lock only when another process holds it.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    /// <summary>The gate of <paramref name="dataSource"/>: every store on one file shares it, however the path was written.</summary>
    public static SemaphoreSlim For(string dataSource) =>
        Files.GetOrAdd(Path.GetFullPath(dataSource), static _ => new SemaphoreSlim(1, 1));

    /// <summary>Waits for <paramref name="gate"/>; dispose the result to let the next writer in.</summary>
    public static async ValueTask<Entered> EnterAsync(this SemaphoreSlim gate, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Entered(gate);
    }

    public readonly struct Entered(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
