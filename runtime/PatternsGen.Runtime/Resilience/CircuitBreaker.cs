using System.Runtime.CompilerServices;

namespace PatternsGen.Resilience;

/// <summary>
/// Stops calling a dependency that keeps failing, so that it can recover and callers fail fast.
/// <see cref="CircuitBreakerOptions.FailureThreshold"/> consecutive handled failures open the circuit;
/// after <see cref="CircuitBreakerOptions.BreakDuration"/> it turns half-open and admits up to
/// <see cref="CircuitBreakerOptions.HalfOpenMaxTrials"/> trial calls at once;
/// <see cref="CircuitBreakerOptions.SuccessThreshold"/> consecutive successful trials close it, and any
/// failed trial opens it again for a fresh break.
/// </summary>
/// <remarks>
/// <para>Thread-safe. A call in the closed state takes no lock and, when the action completes
/// synchronously, allocates nothing; the state word is read with one volatile load. Transitions,
/// half-open admission and failure bookkeeping take a lock: they are rare by construction.</para>
/// <para>Open turns into half-open on a timer of <see cref="CircuitBreakerOptions.TimeProvider"/>, so a
/// rejected call reads no clock. Every transition starts a new generation; an outcome that arrives
/// from a call admitted in an earlier generation is ignored, so a slow call from before the break
/// cannot close (or re-open) the circuit.</para>
/// </remarks>
public sealed class CircuitBreaker
{
    private const long StateMask = 3;

    private readonly CircuitBreakerOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<Exception, bool>? _shouldHandle;
    private readonly object _sync = new();

    // (generation << 2) | state. Written under _sync, read without it.
    private long _word;
    private int _consecutiveFailures;
    private int _trialsInFlight;
    private int _trialSuccesses;
    private bool _isolated;
    private long _retryAtTimestamp;
    private ITimer? _breakTimer;

    /// <summary>Creates a closed circuit breaker with <paramref name="options"/>.</summary>
    /// <param name="options">The settings; validated here.</param>
    public CircuitBreaker(CircuitBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _clock = options.TimeProvider;
        _shouldHandle = options.ShouldHandle;
    }

    /// <summary>The breaker's <see cref="CircuitBreakerOptions.Name"/>.</summary>
    public string Name => _options.Name;

    /// <summary>The current state. An isolated circuit reports <see cref="CircuitState.Open"/>.</summary>
    public CircuitState State => (CircuitState)(Volatile.Read(ref _word) & StateMask);

    /// <summary>True after <see cref="Isolate"/> until <see cref="Reset"/>.</summary>
    public bool IsIsolated => Volatile.Read(ref _isolated);

    /// <summary>Runs <paramref name="action"/> through the breaker.</summary>
    /// <exception cref="CircuitBreakerOpenException">The circuit is open; the action was not called.</exception>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken ct = default) =>
        ExecuteAsync(static (a, token) => a(token), action, ct);

    /// <summary>Runs <paramref name="action"/> with <paramref name="state"/>, so that a static lambda needs no closure.</summary>
    /// <exception cref="CircuitBreakerOpenException">The circuit is open; the action was not called.</exception>
    public ValueTask<T> ExecuteAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!TryEnter(out var permit))
        {
            return ValueTask.FromException<T>(OpenException());
        }

        ValueTask<T> pending;
        try
        {
            pending = action(state, ct);
        }
        catch (Exception error)
        {
            OnFailure(permit, error, ct);
            return ValueTask.FromException<T>(error);
        }

        if (pending.IsCompletedSuccessfully)
        {
            OnSuccess(permit);
            return pending;
        }

        return AwaitAsync(pending, permit, ct);
    }

    /// <summary>Runs <paramref name="action"/> through the breaker.</summary>
    /// <exception cref="CircuitBreakerOpenException">The circuit is open; the action was not called.</exception>
    public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> action, CancellationToken ct = default) =>
        ExecuteAsync(static (a, token) => a(token), action, ct);

    /// <summary>Runs <paramref name="action"/> with <paramref name="state"/> through the breaker; a static lambda needs no closure.</summary>
    /// <exception cref="CircuitBreakerOpenException">The circuit is open; the action was not called.</exception>
    public ValueTask ExecuteAsync<TState>(Func<TState, CancellationToken, ValueTask> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return VoidCalls.Discard(ExecuteAsync(VoidCalls.Invoke<TState>, (action, state), ct));
    }

    /// <summary>
    /// Runs <paramref name="action"/> and reports how it ended instead of throwing: a rejection by the
    /// open circuit costs no exception and no allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a rejection is then a field read and a struct at the call site
    public ValueTask<Outcome<T>> TryExecuteAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return TryEnter(out var permit)
            ? RunForOutcome(action, state, permit, ct)
            : new ValueTask<Outcome<T>>(Rejection<T>());
    }

    private ValueTask<Outcome<T>> RunForOutcome<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, Permit permit, CancellationToken ct)
    {
        ValueTask<T> pending;
        try
        {
            pending = action(state, ct);
        }
        catch (Exception error)
        {
            OnFailure(permit, error, ct);
            return new ValueTask<Outcome<T>>(Outcome<T>.Failure(error));
        }

        if (pending.IsCompletedSuccessfully)
        {
            OnSuccess(permit);
            return new ValueTask<Outcome<T>>(Outcome<T>.Success(pending.Result));
        }

        return AwaitOutcomeAsync(pending, permit, ct);
    }

    /// <summary>Runs <paramref name="action"/> and reports how it ended instead of throwing.</summary>
    public ValueTask<Outcome<T>> TryExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken ct = default) =>
        TryExecuteAsync(static (a, token) => a(token), action, ct);

    /// <summary>Opens the circuit and keeps it open, whatever the timer says, until <see cref="Reset"/>.</summary>
    public void Isolate()
    {
        CircuitStateChange? change;
        lock (_sync)
        {
            _isolated = true;
            change = Transition(CircuitState.Open, manual: true, now: 0);
        }

        Announce(change);
    }

    /// <summary>Closes the circuit and forgets every count, isolated or not.</summary>
    public void Reset()
    {
        CircuitStateChange? change;
        lock (_sync)
        {
            _isolated = false;
            change = Transition(CircuitState.Closed, manual: true, now: 0);
        }

        Announce(change);
    }

    /// <summary>Admits a call (lock-free when closed) and says in which generation and role it runs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryEnter(out Permit permit)
    {
        var word = Volatile.Read(ref _word);
        switch ((CircuitState)(word & StateMask))
        {
            case CircuitState.Closed:
                permit = new Permit(word >> 2, isTrial: false);
                return true;
            case CircuitState.Open:
                permit = default; // rejected without a call: the open circuit is the hot path of an outage
                return false;
            default:
                return TryEnterSlow(word, out permit);
        }
    }

    private void OnSuccess(in Permit permit)
    {
        if (!permit.IsTrial)
        {
            // The lock-free path: a success ends a run of failures. Read first so that a steady stream
            // of successes never writes the shared cache line.
            if (Volatile.Read(ref _consecutiveFailures) != 0)
            {
                Interlocked.Exchange(ref _consecutiveFailures, 0);
            }

            return;
        }

        CircuitStateChange? change = null;
        lock (_sync)
        {
            if (IsCurrent(permit, CircuitState.HalfOpen))
            {
                _trialsInFlight--;
                if (++_trialSuccesses >= _options.SuccessThreshold)
                {
                    change = Transition(CircuitState.Closed, manual: false, now: 0);
                }
            }
        }

        Announce(change);
    }

    private void OnFailure(in Permit permit, Exception error, CancellationToken ct)
    {
        var handled = !(error is OperationCanceledException && ct.IsCancellationRequested) && (_shouldHandle?.Invoke(error) ?? true);
        if (!permit.IsTrial)
        {
            if (handled && (Volatile.Read(ref _word) >> 2) == permit.Generation
                && Interlocked.Increment(ref _consecutiveFailures) >= _options.FailureThreshold)
            {
                CircuitStateChange? opened = null;
                var now = _clock.GetTimestamp(); // never call the clock while holding the lock
                lock (_sync)
                {
                    if (IsCurrent(permit, CircuitState.Closed) && Volatile.Read(ref _consecutiveFailures) >= _options.FailureThreshold)
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

    private CircuitBreakerOpenException OpenException()
    {
        ResilienceTelemetry.Rejected(ResilienceTelemetry.CircuitBreakerPattern, _options.Name, _options.Logger);
        var isolated = IsIsolated;
        var retryAt = Volatile.Read(ref _retryAtTimestamp);
        var retryAfter = isolated ? Timeout.InfiniteTimeSpan : Remaining(retryAt);
        return new CircuitBreakerOpenException(_options.Name, retryAfter, isolated);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Outcome<T> Rejection<T>()
    {
        if (ResilienceTelemetry.IsRejectionObserved(_options.Logger))
        {
            ResilienceTelemetry.Rejected(ResilienceTelemetry.CircuitBreakerPattern, _options.Name, _options.Logger);
        }

        return IsIsolated
            ? Outcome<T>.Rejected(null, long.MaxValue)
            : Outcome<T>.Rejected(_clock, Volatile.Read(ref _retryAtTimestamp));
    }

    private bool TryEnterSlow(long word, out Permit permit)
    {
        if ((word & StateMask) == (long)CircuitState.HalfOpen)
        {
            lock (_sync)
            {
                word = _word;
                if ((word & StateMask) == (long)CircuitState.HalfOpen && _trialsInFlight < _options.HalfOpenMaxTrials)
                {
                    _trialsInFlight++;
                    permit = new Permit(word >> 2, isTrial: true);
                    return true;
                }
            }
        }

        permit = default;
        return false;
    }

    private bool IsCurrent(in Permit permit, CircuitState state) =>
        _word == ((permit.Generation << 2) | (long)state);

    /// <summary>
    /// Moves to <paramref name="to"/> in a new generation. Call under <see cref="_sync"/> with the clock
    /// read before taking it (<paramref name="now"/>, needed only to open); announce the result, which
    /// arms the break timer, after leaving it. Nothing here calls the clock or the timer: a
    /// <see cref="TimeProvider"/> may run timer callbacks under a lock of its own, and the callback
    /// takes this one.
    /// </summary>
    private CircuitStateChange? Transition(CircuitState to, bool manual, long now)
    {
        var from = (CircuitState)(_word & StateMask);
        var generation = (_word >> 2) + 1;
        Volatile.Write(ref _word, (generation << 2) | (long)to);
        Volatile.Write(ref _consecutiveFailures, 0);
        _trialsInFlight = 0;
        _trialSuccesses = 0;
        if (to == CircuitState.Open && !_isolated)
        {
            Volatile.Write(ref _retryAtTimestamp, now + ToTimestampTicks(_options.BreakDuration));
        }

        return from == to && !manual ? null : new CircuitStateChange(_options.Name, from, to, manual);
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
                var created = _clock.CreateTimer(static s => ((CircuitBreaker)s!).OnBreakElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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

        ResilienceTelemetry.StateChanged(c.Name, c.From, c.To, _options.Logger);
        _options.OnStateChanged?.Invoke(c);
    }

    private TimeSpan Remaining(long retryAtTimestamp)
    {
        var remaining = _clock.GetElapsedTime(_clock.GetTimestamp(), retryAtTimestamp);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)(duration.Ticks * (_clock.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> AwaitAsync<T>(ValueTask<T> pending, Permit permit, CancellationToken ct)
    {
        T result;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            OnFailure(permit, error, ct);
            throw;
        }

        OnSuccess(permit);
        return result;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<T>> AwaitOutcomeAsync<T>(ValueTask<T> pending, Permit permit, CancellationToken ct)
    {
        try
        {
            var result = await pending.ConfigureAwait(false);
            OnSuccess(permit);
            return Outcome<T>.Success(result);
        }
        catch (Exception error)
        {
            OnFailure(permit, error, ct);
            return Outcome<T>.Failure(error);
        }
    }

    /// <summary>What a call was admitted as: its generation, and whether it is a half-open trial.</summary>
    private readonly struct Permit(long generation, bool isTrial)
    {
        public long Generation { get; } = generation;

        public bool IsTrial { get; } = isTrial;
    }
}
