namespace PatternsGen.Hosting;

/// <summary>Where a piece of background work stands.</summary>
public enum BackgroundWorkState
{
    /// <summary>Registered; the host has not started it yet.</summary>
    NotStarted,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Failed, and waiting to be restarted; see <see cref="BackgroundWorkStatus.LastError"/>.</summary>
    Restarting,

    /// <summary>Done: work that runs once (saga recovery) finished.</summary>
    Completed,

    /// <summary>Stopped with the host.</summary>
    Stopped,

    /// <summary>Failed on a setting that restarting cannot fix (an <see cref="ArgumentException"/>): the host is stopped.</summary>
    Failed,

    /// <summary>Another instance of the service holds this work's lease and runs it; this one takes over if that one stops.</summary>
    Standby,
}

/// <summary>
/// How one piece of PatternsGen's background work is doing: what the health check reports, and what a test or an
/// admin page can read. Thread-safe; updated by the work's host.
/// </summary>
public sealed class BackgroundWorkStatus
{
    private readonly object _sync = new();
    private BackgroundWorkState _state;
    private Exception? _lastError;
    private int _failures;

    internal BackgroundWorkStatus(string name) => Name = name;

    /// <summary>The work's name: <c>event-store-publisher</c>, <c>projections</c>, <c>saga-recovery:&lt;saga&gt;</c>, or yours.</summary>
    public string Name { get; }

    /// <summary>Where it stands.</summary>
    public BackgroundWorkState State
    {
        get
        {
            lock (_sync)
            {
                return _state;
            }
        }
    }

    /// <summary>The error of the last failure, kept after a restart so that a flapping loop can be seen.</summary>
    public Exception? LastError
    {
        get
        {
            lock (_sync)
            {
                return _lastError;
            }
        }
    }

    /// <summary>How many times it failed since the host started.</summary>
    public int Failures
    {
        get
        {
            lock (_sync)
            {
                return _failures;
            }
        }
    }

    internal void Set(BackgroundWorkState state, Exception? error = null)
    {
        lock (_sync)
        {
            _state = state;
            if (error is not null)
            {
                _lastError = error;
                _failures++;
            }
        }
    }
}
