namespace PatternsGen.EventSourcing;

/// <summary>
/// The loop shared by everything that follows the global stream with a checkpoint (projections, the bus
/// publisher): run a pass over what is new; when a pass finds nothing, wait for this process's next
/// append or the next poll, whichever comes first.
/// </summary>
internal static class GlobalStreamFollower
{
    /// <param name="store">The store followed.</param>
    /// <param name="pass">Handles what is new after the caller's checkpoint; returns how many events it handled.</param>
    /// <param name="pollInterval">How long to wait for another process's appends.</param>
    /// <param name="time">The clock the poll waits on.</param>
    /// <param name="ct">Stops the loop.</param>
    public static async Task RunAsync(IEventStore store, Func<CancellationToken, Task<int>> pass, TimeSpan pollInterval, TimeProvider time, CancellationToken ct)
    {
        var signal = (store as IAppendNotifier)?.Appends;
        while (true)
        {
            var appended = signal?.NextAppend; // before the pass: an append during it still wakes us
            if (await pass(ct).ConfigureAwait(false) > 0)
            {
                continue;
            }

            await WaitForAppendAsync(appended, pollInterval, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for <paramref name="appended"/> (this process's next append; null when the store signals none) or
    /// for <paramref name="pollInterval"/>, whichever comes first: another process may have appended meanwhile.
    /// </summary>
    public static async Task WaitForAppendAsync(Task? appended, TimeSpan pollInterval, TimeProvider time, CancellationToken ct)
    {
        if (appended is null)
        {
            await Task.Delay(pollInterval, time, ct).ConfigureAwait(false);
            return;
        }

        try
        {
            await appended.WaitAsync(pollInterval, time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Poll: another process may have appended.
        }
    }
}
