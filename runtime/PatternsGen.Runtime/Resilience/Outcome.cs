namespace PatternsGen.Resilience;

/// <summary>How a call made through a non-throwing <c>TryExecuteAsync</c> ended.</summary>
public enum OutcomeKind
{
    /// <summary>The call was made and returned a value.</summary>
    Success,

    /// <summary>The call was made and threw; see <see cref="Outcome{T}.Exception"/>.</summary>
    Failure,

    /// <summary>The call was not made: the circuit was open or the bulkhead full.</summary>
    Rejected,
}

/// <summary>
/// The result of a non-throwing <c>TryExecuteAsync</c>: a value, the exception the call threw, or
/// a rejection. A struct, so that a rejection costs no allocation and no exception.
/// </summary>
/// <typeparam name="T">The call's result type.</typeparam>
public readonly struct Outcome<T>
{
    private readonly T? _value;
    private readonly TimeProvider? _clock;
    private readonly long _retryAtTimestamp;

    private Outcome(OutcomeKind kind, T? value, Exception? exception, TimeProvider? clock, long retryAtTimestamp)
    {
        Kind = kind;
        _value = value;
        Exception = exception;
        _clock = clock;
        _retryAtTimestamp = retryAtTimestamp;
    }

    /// <summary>How the call ended.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>True when the call was made and returned a value.</summary>
    public bool IsSuccess => Kind == OutcomeKind.Success;

    /// <summary>True when the call was not made.</summary>
    public bool IsRejected => Kind == OutcomeKind.Rejected;

    /// <summary>The call's value.</summary>
    /// <exception cref="InvalidOperationException">The call did not succeed.</exception>
    public T Value => Kind == OutcomeKind.Success
        ? _value!
        : throw new InvalidOperationException($"The call did not succeed ({Kind}); check IsSuccess before reading Value.", Exception);

    /// <summary>The exception the call threw, when <see cref="Kind"/> is <see cref="OutcomeKind.Failure"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>
    /// For a rejection by an open circuit: how long until a trial call may be admitted (computed when
    /// read, so that rejecting reads no clock); <see cref="Timeout.InfiniteTimeSpan"/> when isolated;
    /// <see cref="TimeSpan.Zero"/> otherwise.
    /// </summary>
    public TimeSpan RetryAfter
    {
        get
        {
            if (_retryAtTimestamp == long.MaxValue)
            {
                return Timeout.InfiniteTimeSpan;
            }

            if (_clock is null)
            {
                return TimeSpan.Zero;
            }

            var remaining = _clock.GetElapsedTime(_clock.GetTimestamp(), _retryAtTimestamp);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    internal static Outcome<T> Success(T value) => new(OutcomeKind.Success, value, null, null, 0);

    internal static Outcome<T> Failure(Exception exception) => new(OutcomeKind.Failure, default, exception, null, 0);

    internal static Outcome<T> Rejected(TimeProvider? clock, long retryAtTimestamp) =>
        new(OutcomeKind.Rejected, default, null, clock, retryAtTimestamp);
}
