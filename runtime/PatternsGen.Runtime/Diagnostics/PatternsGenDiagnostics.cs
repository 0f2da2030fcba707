using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PatternsGen.Diagnostics;

/// <summary>
/// The names under which PatternsGen reports: one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/>, both called <c>"PatternsGen"</c>. Subscribe to them with OpenTelemetry
/// (<c>AddSource("PatternsGen")</c>, <c>AddMeter("PatternsGen")</c>) or a <see cref="MeterListener"/>.
/// </summary>
public static class PatternsGenDiagnostics
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "PatternsGen";

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    /// <summary>The correlation id of the current operation: the <c>correlation_id</c> baggage item if set, else the trace id.</summary>
    internal static string? CorrelationId()
    {
        var activity = Activity.Current;
        if (activity is null)
        {
            return null;
        }

        return activity.GetBaggageItem("correlation_id") ?? activity.TraceId.ToHexString();
    }
}
