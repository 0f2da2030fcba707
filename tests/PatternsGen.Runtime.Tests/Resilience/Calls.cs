namespace PatternsGen.Runtime.Tests.Resilience;

/// <summary>Actions for the strategies under test, and a way to wait for the nth call without sleeping.</summary>
internal sealed class Calls
{
    private readonly List<TaskCompletionSource> _waiters = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static ValueTask<int> Succeed(CancellationToken _) => new(42);

    public static ValueTask<int> Fail(CancellationToken _) => ValueTask.FromException<int>(new InvalidOperationException("boom"));

    /// <summary>Counts a call; completes the waiters of that count.</summary>
    public void Record()
    {
        var n = Interlocked.Increment(ref _count);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => (int)w.Task.AsyncState! <= n).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.TrySetResult();
            }
        }
    }

    /// <summary>Waits until <paramref name="n"/> calls were made. The real-time bound only stops a broken test from hanging.</summary>
    public Task WaitForAsync(int n)
    {
        var waiter = new TaskCompletionSource(n, TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (Count >= n)
            {
                return Task.CompletedTask;
            }

            _waiters.Add(waiter);
        }

        return waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
