using System.Runtime.CompilerServices;

namespace PatternsGen.Resilience;

/// <summary>
/// The breaker's state: closed, open, half-open, isolated; who is admitted in each; the transitions between them
/// and the timer that ends a break. What counts toward opening is <see cref="ConsecutiveFailures"/>'s to say.
/// </summary>
/// <remarks>
/// <para>The state word is read with one volatile load and admits a call in the closed state without a lock.
/// Transitions, half-open admission and failure bookkeeping take a lock: they are rare by construction.</para>
/// <para>Every transition starts a new generation; an outcome that arrives from a call admitted in an earlier
/// generation is ignored, so a slow call from before the break cannot close (or re-open) the circuit.</para>
/// <para>Neither the clock nor the timer is called while holding the lock: a <see cref="TimeProvider"/> may run timer
/// callbacks under a lock of its own, and the callback takes this one.</para>
/// </remarks>
internal sealed class CircuitStateController(CircuitBreakerOptions options)
{
    private const long StateMask = 3;

    private readonly TimeProvider _clock = options.TimeProvider;
    private readonly object _sync = new();

    // (generation << 2) | state. Written under _sync, read without it.
    private long _word;
    private ConsecutiveFailures _failures = new(options.FailureThreshold);
    private int _trialsInFlight;
    private int _trialSuccesses;
    private bool _isolated;
    private long _retryAtTimestamp;
    private ITimer? _breakTimer;

    public CircuitState State => (CircuitState)(Volatile.Read(ref _word) & StateMask);

    public bool IsIsolated => Volatile.Read(ref _isolated);

    /// <summary>When a rejected call may try again: infinite while isolated, else the rest of the break.</summary>
    public TimeSpan RetryAfter => IsIsolated ? Timeout.InfiniteTimeSpan : Remaining(Volatile.Read(ref _retryAtTimestamp));

    /// <summary>The rest of the break as the non-throwing rejection carries it, computed only when read.</summary>
    public (TimeProvider? Clock, long RetryAtTimestamp) RetryAt =>
        IsIsolated ? (null, long.MaxValue) : (_clock, Volatile.Read(ref _retryAtTimestamp));

    /// <summary>Admits a call (lock-free when closed) and says in which generation and role it runs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnter(out CircuitPermit permit)
    {
        var word = Volatile.Read(ref _word);
        switch ((CircuitState)(word & StateMask))
        {
            case CircuitState.Closed:
                permit = new CircuitPermit(word >> 2, isTrial: false);
                return true;
            case CircuitState.Open:
                permit = default; // rejected without a call: the open circuit is the hot path of an outage
                return false;
            default:
                return TryEnterSlow(word, out permit);
        }
    }

    public void OnSuccess(in CircuitPermit permit)
    {
        if (!permit.IsTrial)
        {
            _failures.OnSuccess();
            return;
        }

        CircuitStateChange? change = null;
        lock (_sync)
        {
            if (IsCurrent(permit, CircuitState.HalfOpen))
            {
                _trialsInFlight--;
                if (++_trialSuccesses >= options.SuccessThreshold)
                {
                    change = Transition(CircuitState.Closed, manual: false, now: 0);
                }
            }
        }

        Announce(change);
    }

    /// <summary>Reports a failed call; <paramref name="handled"/> says whether it counts against the dependency.</summary>
    public void OnFailure(in CircuitPermit permit, bool handled)
    {
        if (!permit.IsTrial)
        {
            if (handled && (Volatile.Read(ref _word) >> 2) == permit.Generation && _failures.OnFailure())
            {
                CircuitStateChange? opened = null;
                var now = _clock.GetTimestamp();
                lock (_sync)
                {
                    if (IsCurrent(permit, CircuitState.Closed) && _failures.ReachedThreshold)
                    {
                        opened = Transition(CircuitState.Open, manual: false, now);
                    }
                }

                Announce(opened);
            }

            return;
        }

        CircuitStateChange? change = null;
        var failedAt = handled ? _clock.GetTimestamp() : 0;
        lock (_sync)
        {
            if (IsCurrent(permit, CircuitState.HalfOpen))
            {
                // A trial the caller abandoned, or whose error is not the dependency's, says nothing
                // about recovery: free its slot and let another trial decide.
                change = handled ? Transition(CircuitState.Open, manual: false, failedAt) : null;
                if (!handled)
                {
                    _trialsInFlight--;
                }
            }
        }

        Announce(change);
    }

    public void Isolate() => Force(CircuitState.Open, isolated: true);

    public void Reset() => Force(CircuitState.Closed, isolated: false);

    private void Force(CircuitState to, bool isolated)
    {
        CircuitStateChange? change;
        lock (_sync)
        {
            _isolated = isolated;
            change = Transition(to, manual: true, now: 0);
        }

        Announce(change);
    }

    private bool TryEnterSlow(long word, out CircuitPermit permit)
    {
        if ((word & StateMask) == (long)CircuitState.HalfOpen)
        {
            lock (_sync)
            {
                word = _word;
                if ((word & StateMask) == (long)CircuitState.HalfOpen && _trialsInFlight < options.HalfOpenMaxTrials)
                {
                    _trialsInFlight++;
                    permit = new CircuitPermit(word >> 2, isTrial: true);
                    return true;
                }
            }
        }

        permit = default;
        return false;
    }

    private bool IsCurrent(in CircuitPermit permit, CircuitState state) =>
        _word == ((permit.Generation << 2) | (long)state);

    /// <summary>
    /// Moves to <paramref name="to"/> in a new generation. Call under <see cref="_sync"/> with the clock
    /// read before taking it (<paramref name="now"/>, needed only to open); announce the result, which
    /// arms the break timer, after leaving it.
    /// </summary>
    private CircuitStateChange? Transition(CircuitState to, bool manual, long now)
    {
        var from = (CircuitState)(_word & StateMask);
        var generation = (_word >> 2) + 1;
        Volatile.Write(ref _word, (generation << 2) | (long)to);
        _failures.Reset();
        _trialsInFlight = 0;
        _trialSuccesses = 0;
        if (to == CircuitState.Open && !_isolated)
        {
            Volatile.Write(ref _retryAtTimestamp, now + ToTimestampTicks(options.BreakDuration));
        }

        return from == to && !manual ? null : new CircuitStateChange(options.Name, from, to, manual);
    }

    /// <summary>
    /// The break timer fired. Timers armed from several threads can arrive out of order, so a timer that
    /// fires before the current break is over simply arms itself again for the rest.
    /// </summary>
    private void OnBreakElapsed()
    {
        var now = _clock.GetTimestamp();
        CircuitStateChange? change = null;
        var early = false;
        lock (_sync)
        {
            if ((CircuitState)(_word & StateMask) == CircuitState.Open && !_isolated)
            {
                if (now >= _retryAtTimestamp)
                {
                    change = Transition(CircuitState.HalfOpen, manual: false, now);
                }
                else
                {
                    early = true;
                }
            }
        }

        if (early)
        {
            ArmBreakTimer();
        }

        Announce(change);
    }

    /// <summary>Arms the break timer for the time left in the current break. Never under <see cref="_sync"/>.</summary>
    private void ArmBreakTimer()
    {
        var timer = Volatile.Read(ref _breakTimer);
        if (timer is null)
        {
            // Do not capture the caller's ExecutionContext (its Activity, its AsyncLocals) into a timer that outlives the call.
            using (ExecutionContext.SuppressFlow())
            {
                var created = _clock.CreateTimer(static s => ((CircuitStateController)s!).OnBreakElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                timer = Interlocked.CompareExchange(ref _breakTimer, created, null) ?? created;
                if (!ReferenceEquals(timer, created))
                {
                    created.Dispose();
                }
            }
        }

        var remaining = Remaining(Volatile.Read(ref _retryAtTimestamp));
        timer.Change(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
    }

    private void Announce(CircuitStateChange? change)
    {
        if (change is not { } c)
        {
            return;
        }

        if (c.To == CircuitState.Open && !IsIsolated)
        {
            ArmBreakTimer();
        }

        ResilienceTelemetry.StateChanged(c.Name, c.From, c.To, options.Logger);
        options.OnStateChanged?.Invoke(c);
    }

    private TimeSpan Remaining(long retryAtTimestamp)
    {
        var remaining = _clock.GetElapsedTime(_clock.GetTimestamp(), retryAtTimestamp);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)(duration.Ticks * (_clock.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
}

/// <summary>What a call was admitted as: its generation, and whether it is a half-open trial.</summary>
internal readonly struct CircuitPermit(long generation, bool isTrial)
{
    public long Generation { get; } = generation;

    public bool IsTrial { get; } = isTrial;
}
