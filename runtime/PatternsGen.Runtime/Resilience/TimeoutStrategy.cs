using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace PatternsGen.Resilience;

/// <summary>
/// Cancels a call that outlives <see cref="Timeout"/> and reports it as <see cref="ResilienceTimeoutException"/>.
/// Token sources come from a pool and go back after <see cref="CancellationTokenSource.TryReset"/>, so a
/// call that finishes in time allocates nothing; the timer runs on the pipeline's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TimeoutStrategy(string name, TimeSpan timeout, TimeProvider clock) : ResilienceStrategy
{
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();

    public TimeSpan Timeout { get; } = timeout;

    internal override ValueTask<T> ExecuteCoreAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(ct);
        }

        var cts = Rent();
        cts.CancelAfter(Timeout);
        var link = ct.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), cts);

        ValueTask<T> pending;
        try
        {
            pending = action(state, cts.Token);
        }
        catch (Exception error)
        {
            return ValueTask.FromException<T>(Finish(cts, link, error, ct));
        }

        if (pending.IsCompletedSuccessfully)
        {
            Return(cts, link);
            return pending;
        }

        return AwaitAsync(pending, cts, link, ct);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> AwaitAsync<T>(ValueTask<T> pending, CancellationTokenSource cts, CancellationTokenRegistration link, CancellationToken ct)
    {
        T result;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            var reported = Finish(cts, link, error, ct);
            if (ReferenceEquals(reported, error))
            {
                throw;
            }

            throw reported;
        }

        Return(cts, link);
        return result;
    }

    /// <summary>Cleans up after a failed call and says what the caller should see: a cancellation caused by the timer is a timeout.</summary>
    private Exception Finish(CancellationTokenSource cts, CancellationTokenRegistration link, Exception error, CancellationToken ct)
    {
        var timedOut = cts.IsCancellationRequested && !ct.IsCancellationRequested && error is OperationCanceledException;
        Return(cts, link);
        return timedOut ? new ResilienceTimeoutException(name, Timeout, error) : error;
    }

    private CancellationTokenSource Rent() =>
        _pool.TryDequeue(out var cts) ? cts : new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, clock);

    private void Return(CancellationTokenSource cts, CancellationTokenRegistration link)
    {
        link.Dispose();
        if (cts.TryReset())
        {
            _pool.Enqueue(cts);
        }
        else
        {
            cts.Dispose(); // it fired: a cancelled source cannot be reused
        }
    }
}
