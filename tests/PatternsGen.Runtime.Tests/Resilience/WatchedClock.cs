using Microsoft.Extensions.Time.Testing;

namespace PatternsGen.Runtime.Tests.Resilience;

/// <summary>
/// A fake clock that says when code has started waiting on it. Advancing before a delay's timer exists
/// would start that delay later than meant; a test awaits <see cref="TimersCreated"/> (or lets
/// <see cref="AdvanceThroughAsync"/> wait for the timer of one wait) first, so it never races. Moving time only that
/// far also keeps it from timing out work that runs on real time meanwhile, such as a request on loopback.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(Func<List<TimeSpan>, bool> Done, TaskCompletionSource Reached)> _waiters = [];
    private readonly Dictionary<TimeSpan, int> _taken = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_waiters)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Done(_dueTimes)).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers have been created. The real-time bound only stops a broken test from hanging.</summary>
    public Task TimersCreated(int count) => When(made => made.Count >= count);

    /// <summary>
    /// Waits until a timer due in <paramref name="due"/> has been created (one more than earlier calls for that wait
    /// took), then moves time by exactly that much.
    /// </summary>
    public async Task AdvanceThroughAsync(TimeSpan due)
    {
        int nth;
        lock (_waiters)
        {
            nth = _taken[due] = _taken.GetValueOrDefault(due) + 1;
        }

        await When(made => made.Count(d => d == due) >= nth);
        Advance(due);
    }

    private Task When(Func<List<TimeSpan>, bool> done)
    {
        lock (_waiters)
        {
            if (done(_dueTimes))
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
