using Microsoft.Extensions.Time.Testing;

namespace PatternsGen.Runtime.Tests.Resilience;

/// <summary>
/// A fake clock that says when code has started waiting on it. Advancing before a delay's timer exists
/// would start that delay later than meant; a test awaits <see cref="TimersCreated"/> first, so it never races.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _timers;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        var count = Interlocked.Increment(ref _timers);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Count <= count).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers have been created. The real-time bound only stops a broken test from hanging.</summary>
    public Task TimersCreated(int count)
    {
        lock (_waiters)
        {
            if (Volatile.Read(ref _timers) >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
