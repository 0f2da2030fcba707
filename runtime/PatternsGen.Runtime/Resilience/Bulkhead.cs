using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace PatternsGen.Resilience;

/// <summary>
/// Limits how many calls to a dependency run at once, so that one slow dependency cannot take every
/// thread or connection. Up to <see cref="MaxConcurrency"/> calls run; up to <see cref="MaxQueue"/>
/// more wait in first-in, first-out order; beyond that a call is rejected with
/// <see cref="BulkheadRejectedException"/> without being made. A waiting caller that cancels gives its
/// place back.
/// </summary>
public sealed class Bulkhead : ResilienceStrategy
{
    private readonly object _sync = new();
    private readonly LinkedList<Waiter> _queue = new();
    private int _running;

    /// <summary>Creates a bulkhead that runs <paramref name="maxConcurrency"/> calls and queues <paramref name="maxQueue"/>.</summary>
    public Bulkhead(int maxConcurrency, int maxQueue)
        : this(maxConcurrency, maxQueue, "default", logger: null)
    {
    }

    /// <summary>Creates a named bulkhead, for metrics and logs.</summary>
    public Bulkhead(int maxConcurrency, int maxQueue, string name, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueue);
        ArgumentNullException.ThrowIfNull(name);
        MaxConcurrency = maxConcurrency;
        MaxQueue = maxQueue;
        Name = name;
        Logger = logger;
    }

    /// <summary>How many calls run at once.</summary>
    public int MaxConcurrency { get; }

    /// <summary>How many calls may wait for a place.</summary>
    public int MaxQueue { get; }

    /// <summary>The bulkhead's name in metrics and logs.</summary>
    public string Name { get; }

    /// <summary>Calls running now.</summary>
    public int Running
    {
        get
        {
            lock (_sync)
            {
                return _running;
            }
        }
    }

    /// <summary>Calls waiting now.</summary>
    public int Queued
    {
        get
        {
            lock (_sync)
            {
                return _queue.Count;
            }
        }
    }

    private ILogger? Logger { get; }

    /// <summary>Runs the call when a place is free; with none free and the queue full, fails with <see cref="BulkheadRejectedException"/> without making it.</summary>
    internal override ValueTask<T> ExecuteCoreAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(ct);
        }

        Waiter? waiter = null;
        var full = false;
        lock (_sync)
        {
            if (_running < MaxConcurrency)
            {
                _running++;
            }
            else if (_queue.Count < MaxQueue)
            {
                waiter = new Waiter(this);
                waiter.Node = _queue.AddLast(waiter);
            }
            else
            {
                full = true;
            }
        }

        if (full)
        {
            ResilienceTelemetry.Rejected(ResilienceTelemetry.BulkheadPattern, Name, Logger);
            return ValueTask.FromException<T>(new BulkheadRejectedException(Name, MaxConcurrency, MaxQueue));
        }

        return waiter is null ? RunAndRelease(action, state, ct) : WaitThenRunAsync(waiter, action, state, ct);
    }

    private ValueTask<T> RunAndRelease<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        ValueTask<T> pending;
        try
        {
            pending = action(state, ct);
        }
        catch (Exception error)
        {
            Release();
            return ValueTask.FromException<T>(error);
        }

        if (pending.IsCompleted)
        {
            Release();
            return pending;
        }

        return ReleaseWhenDoneAsync(pending);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> ReleaseWhenDoneAsync<T>(ValueTask<T> pending)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    private async ValueTask<T> WaitThenRunAsync<TState, T>(
        Waiter waiter, Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        using (ct.UnsafeRegister(static (s, token) => ((Waiter)s!).Abandon(token), waiter))
        {
            // Completes when Release hands this waiter a place, or is cancelled when the caller gives up.
            await waiter.Task.ConfigureAwait(false);
        }

        return await RunAndRelease(action, state, ct).ConfigureAwait(false);
    }

    private void Release()
    {
        lock (_sync)
        {
            // Hand the place straight to the oldest waiter, so that a newcomer cannot overtake the queue.
            if (_queue.First is { } next)
            {
                _queue.RemoveFirst();
                next.Value.TrySetResult(true); // continuations run asynchronously: never inside this lock
                return;
            }

            _running--;
        }
    }

    /// <summary>A queued caller. Its place in the queue is its node; a cancelled caller removes it.</summary>
    private sealed class Waiter(Bulkhead owner) : TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>Gives the place in the queue back, unless Release already handed this waiter a place to run.</summary>
        public void Abandon(CancellationToken ct)
        {
            lock (owner._sync)
            {
                if (Node?.List is null)
                {
                    return; // already handed a place: it runs, then releases it
                }

                owner._queue.Remove(Node);
            }

            TrySetCanceled(ct);
        }
    }
}
