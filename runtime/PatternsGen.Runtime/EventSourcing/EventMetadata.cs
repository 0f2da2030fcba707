using System.Diagnostics;
using PatternsGen.Diagnostics;

namespace PatternsGen.EventSourcing;

/// <summary>
/// The correlation and causation ids stamped on appended events. By default they come from the current
/// <see cref="Activity"/> (correlation: the <c>correlation_id</c> baggage item, else the trace id;
/// causation: the span id). <see cref="Use"/> sets them explicitly for the calls made inside its scope.
/// </summary>
public static class EventMetadata
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>
    /// Stamps events appended inside the returned scope (on this async flow) with the given ids.
    /// A <see langword="null"/> id falls back to the outer scope, then to the current activity.
    /// </summary>
    /// <example><code>using (EventMetadata.Use(correlationId: command.OrderId, causationId: command.Id)) { await order.SaveAsync(store, id); }</code></example>
    public static IDisposable Use(string? correlationId = null, string? causationId = null)
    {
        var scope = new Scope(Current.Value, correlationId, causationId);
        Current.Value = scope;
        return scope;
    }

    /// <summary>The correlation id an append would record now.</summary>
    public static string? CorrelationId
    {
        get
        {
            for (var scope = Current.Value; scope is not null; scope = scope.Outer)
            {
                if (scope.CorrelationId is not null)
                {
                    return scope.CorrelationId;
                }
            }

            return PatternsGenDiagnostics.CorrelationId();
        }
    }

    /// <summary>The causation id an append would record now.</summary>
    public static string? CausationId
    {
        get
        {
            for (var scope = Current.Value; scope is not null; scope = scope.Outer)
            {
                if (scope.CausationId is not null)
                {
                    return scope.CausationId;
                }
            }

            return Activity.Current is { } activity ? activity.SpanId.ToHexString() : null;
        }
    }

    private sealed class Scope(Scope? outer, string? correlationId, string? causationId) : IDisposable
    {
        public Scope? Outer { get; } = outer;

        public string? CorrelationId { get; } = correlationId;

        public string? CausationId { get; } = causationId;

        public void Dispose()
        {
            // Scopes end in reverse order of Use; an out-of-order Dispose restores this scope's outer anyway.
            if (Current.Value == this)
            {
                Current.Value = Outer;
            }
        }
    }
}
