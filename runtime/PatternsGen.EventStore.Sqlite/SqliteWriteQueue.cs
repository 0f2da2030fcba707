using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;

namespace PatternsGen.EventStore.Sqlite;

/// <summary>
/// The writes of this process to one database file, run one transaction at a time, the writes waiting together
/// sharing it. SQLite lets one writer at a time into a file, and each commit waits for the disk (<c>synchronous =
/// FULL</c>): writes that arrive while one commits are run together, each under its own savepoint, and made durable
/// by one commit. A write that fails is rolled back to its savepoint and fails alone; a commit that fails fails them
/// all, and nothing of them is written. Each caller's task completes only after the commit that holds its write.
/// </summary>
/// <remarks>
/// Writers wait here in order and without holding a thread, so they meet SQLite's own lock only when another process
/// holds it (Microsoft.Data.Sqlite answers a locked file by sleeping far longer than a write takes).
/// </remarks>
internal sealed class SqliteWriteQueue
{
    // Enough to share a commit among every writer of a busy service; bounded so that one commit stays short.
    private const int MostPerCommit = 64;

    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> Files = new(StringComparer.Ordinal);

    private readonly object _sync = new();
    private readonly Queue<Write> _waiting = new();
    private bool _running;

    /// <summary>The queue of <paramref name="dataSource"/>: every store on one file shares it, however the path was written.</summary>
    public static SqliteWriteQueue For(string dataSource) =>
        Files.GetOrAdd(Path.GetFullPath(dataSource), static _ => new SqliteWriteQueue());

    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction on a connection from <paramref name="open"/> and completes
    /// when that transaction has committed. Cancelled before its turn, it is not run.
    /// </summary>
    public Task<T> RunAsync<T>(
        Func<CancellationToken, ValueTask<SqliteConnection>> open,
        Func<SqliteConnection, SqliteTransaction, CancellationToken, ValueTask<T>> work,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var write = new Write<T>(open, work, ct);
        if (ct.CanBeCanceled)
        {
            write.Registration = ct.Register(static state => ((Write)state!).CancelIfWaiting(), write);
        }

        bool leads;
        lock (_sync)
        {
            _waiting.Enqueue(write);
            leads = !_running;
            _running = true;
        }

        return leads ? LeadAsync(write) : write.Task;
    }

    /// <summary>
    /// The first writer to find the queue idle commits the first batch itself, so a lone write costs no thread switch;
    /// writes that arrived meanwhile are left to a loop of their own, so that no caller waits on others' writes.
    /// </summary>
    private async Task<T> LeadAsync<T>(Write<T> write)
    {
        var batch = new List<Write>(MostPerCommit);
        if (TakeBatch(batch))
        {
            await CommitAsync(batch).ConfigureAwait(false);
            lock (_sync)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                }
                else
                {
                    // The loop runs every write in its own caller's context (see Write.RunAsync), never in this one's.
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(DrainAsync, CancellationToken.None);
                    }
                }
            }
        }

        return await write.Task.ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        var batch = new List<Write>(MostPerCommit);
        while (TakeBatch(batch))
        {
            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>Takes the writes waiting, up to <see cref="MostPerCommit"/>; when there are none, the queue is idle again.</summary>
    private bool TakeBatch(List<Write> batch)
    {
        lock (_sync)
        {
            while (batch.Count < MostPerCommit && _waiting.TryDequeue(out var write))
            {
                if (write.TryStart())
                {
                    batch.Add(write);
                }
            }

            if (batch.Count == 0)
            {
                _running = false;
                return false;
            }

            return true;
        }
    }

    private static async Task CommitAsync(List<Write> batch)
    {
        try
        {
            // Not any one caller's token: a caller that gives up must not fail the others' writes.
            await using var connection = await batch[0].Open(CancellationToken.None).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            if (batch.Count == 1)
            {
                // Alone, a write that fails is undone with the whole transaction: no savepoint needed.
                await batch[0].RunAsync(connection, transaction).ConfigureAwait(false);
                transaction.Commit();
                batch[0].Complete();
                return;
            }

            foreach (var write in batch)
            {
                transaction.Save("write");
                try
                {
                    await write.RunAsync(connection, transaction).ConfigureAwait(false);
                    transaction.Release("write");
                }
                catch (Exception error)
                {
                    write.Fail(error);
                    transaction.Rollback("write");
                    transaction.Release("write");
                }
            }

            transaction.Commit();
        }
        catch (Exception error)
        {
            // Nothing of the batch was written: every write not failed already fails with the reason.
            foreach (var write in batch)
            {
                write.Fail(error);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private abstract class Write(Func<CancellationToken, ValueTask<SqliteConnection>> open, CancellationToken ct)
    {
        private const int Waiting = 0, Started = 1, Cancelled = 2;
        private int _state;

        public Func<CancellationToken, ValueTask<SqliteConnection>> Open { get; } = open;

        public CancellationToken Cancellation { get; } = ct;

        public CancellationTokenRegistration Registration { get; set; }

        /// <summary>Taken from the queue to run; false when it was cancelled while it waited.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Waiting) == Waiting;

        public void CancelIfWaiting()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting)
            {
                SetCancelled();
            }
        }

        public abstract ValueTask RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>Fails the write unless it failed already.</summary>
        public abstract void Fail(Exception error);

        public abstract void Complete();

        protected abstract void SetCancelled();
    }

    private sealed class Write<T>(
        Func<CancellationToken, ValueTask<SqliteConnection>> open,
        Func<SqliteConnection, SqliteTransaction, CancellationToken, ValueTask<T>> work,
        CancellationToken ct) : Write(open, ct)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ExecutionContext? _context = ExecutionContext.Capture();
        private T _result = default!;

        public Task<T> Task => _done.Task;

        /// <summary>Runs the work in the caller's execution context: its activity, its metadata scope, its async locals.</summary>
        public override ValueTask RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (_context is null)
            {
                return RunInContextAsync(connection, transaction);
            }

            var running = default(ValueTask);
            ExecutionContext.Run(_context, _ => running = RunInContextAsync(connection, transaction), null);
            return running;
        }

        private async ValueTask RunInContextAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _result = await work(connection, transaction, Cancellation).ConfigureAwait(false);

        public override void Fail(Exception error)
        {
            Registration.Dispose();
            _done.TrySetException(error);
        }

        public override void Complete()
        {
            Registration.Dispose();
            _done.TrySetResult(_result);
        }

        protected override void SetCancelled() => _done.TrySetCanceled(Cancellation);
    }
}
