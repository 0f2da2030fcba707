using System.Runtime.CompilerServices;

namespace PatternsGen.Resilience;

/// <summary>
/// Stops calling a dependency that keeps failing, so that it can recover and callers fail fast.
/// <see cref="CircuitBreakerOptions.FailureThreshold"/> consecutive handled failures open the circuit;
/// after <see cref="CircuitBreakerOptions.BreakDuration"/> it turns half-open and admits up to
/// <see cref="CircuitBreakerOptions.HalfOpenMaxTrials"/> trial calls at once;
/// <see cref="CircuitBreakerOptions.SuccessThreshold"/> consecutive successful trials close it, and any
/// failed trial opens it again for a fresh break. While open, a call fails with
/// <see cref="CircuitBreakerOpenException"/> without being made, or <see cref="TryExecuteAsync{TState, T}"/>
/// reports the rejection without an exception.
/// </summary>
/// <remarks>
/// Thread-safe. A call in the closed state takes no lock and, when the action completes synchronously, allocates
/// nothing. Open turns into half-open on a timer of <see cref="CircuitBreakerOptions.TimeProvider"/>, so a
/// rejected call reads no clock.
/// </remarks>
public sealed class CircuitBreaker : ResilienceStrategy
{
    private readonly CircuitBreakerOptions _options;
    private readonly CircuitStateController _circuit;

    /// <summary>Creates a closed circuit breaker with <paramref name="options"/>.</summary>
    /// <param name="options">The settings; validated here.</param>
    public CircuitBreaker(CircuitBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _circuit = new CircuitStateController(options);
    }

    /// <summary>The breaker's <see cref="CircuitBreakerOptions.Name"/>.</summary>
    public string Name => _options.Name;

    /// <summary>The current state. An isolated circuit reports <see cref="CircuitState.Open"/>.</summary>
    public CircuitState State => _circuit.State;

    /// <summary>True after <see cref="Isolate"/> until <see cref="Reset"/>.</summary>
    public bool IsIsolated => _circuit.IsIsolated;

    /// <summary>Opens the circuit and keeps it open, whatever the timer says, until <see cref="Reset"/>.</summary>
    public void Isolate() => _circuit.Isolate();

    /// <summary>Closes the circuit and forgets every count, isolated or not.</summary>
    public void Reset() => _circuit.Reset();

    /// <summary>
    /// Runs <paramref name="action"/> and reports how it ended instead of throwing: a rejection by the
    /// open circuit costs no exception and no allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a rejection is then a field read and a struct at the call site
    public ValueTask<Outcome<T>> TryExecuteAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return _circuit.TryEnter(out var permit)
            ? RunForOutcome(action, state, permit, ct)
            : new ValueTask<Outcome<T>>(Rejection<T>());
    }

    /// <summary>Runs <paramref name="action"/> and reports how it ended instead of throwing.</summary>
    public ValueTask<Outcome<T>> TryExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken ct = default) =>
        TryExecuteAsync(static (a, token) => a(token), action, ct);

    internal override ValueTask<T> ExecuteCoreAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        if (!_circuit.TryEnter(out var permit))
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
            _circuit.OnSuccess(permit);
            return pending;
        }

        return AwaitAsync(pending, permit, ct);
    }

    private ValueTask<Outcome<T>> RunForOutcome<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CircuitPermit permit, CancellationToken ct)
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
            _circuit.OnSuccess(permit);
            return new ValueTask<Outcome<T>>(Outcome<T>.Success(pending.Result));
        }

        return AwaitOutcomeAsync(pending, permit, ct);
    }

    /// <summary>What counts against the dependency: not the caller giving up, and only what <see cref="CircuitBreakerOptions.ShouldHandle"/> accepts.</summary>
    private void OnFailure(in CircuitPermit permit, Exception error, CancellationToken ct)
    {
        var handled = !(error is OperationCanceledException && ct.IsCancellationRequested) && (_options.ShouldHandle?.Invoke(error) ?? true);
        _circuit.OnFailure(permit, handled);
    }

    private CircuitBreakerOpenException OpenException()
    {
        ResilienceTelemetry.Rejected(ResilienceTelemetry.CircuitBreakerPattern, _options.Name, _options.Logger);
        return new CircuitBreakerOpenException(_options.Name, _circuit.RetryAfter, _circuit.IsIsolated);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Outcome<T> Rejection<T>()
    {
        if (ResilienceTelemetry.IsRejectionObserved(_options.Logger))
        {
            ResilienceTelemetry.Rejected(ResilienceTelemetry.CircuitBreakerPattern, _options.Name, _options.Logger);
        }

        var (clock, retryAt) = _circuit.RetryAt;
        return Outcome<T>.Rejected(clock, retryAt);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> AwaitAsync<T>(ValueTask<T> pending, CircuitPermit permit, CancellationToken ct)
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

        _circuit.OnSuccess(permit);
        return result;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<T>> AwaitOutcomeAsync<T>(ValueTask<T> pending, CircuitPermit permit, CancellationToken ct)
    {
        try
        {
            var result = await pending.ConfigureAwait(false);
            _circuit.OnSuccess(permit);
            return Outcome<T>.Success(result);
        }
        catch (Exception error)
        {
            OnFailure(permit, error, ct);
            return Outcome<T>.Failure(error);
        }
    }
}
