using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PatternsGen.Diagnostics;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.Projections;

/// <summary>Metrics and log messages of projections.</summary>
internal static partial class ProjectionTelemetry
{
    private static readonly Counter<long> ParkedEvents = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.projection.parked", unit: "{event}", description: "Events a projection still failed on after its retries, parked so it could go on.");

    public static void Parked(DeadLetter letter, RecordedEvent recorded, Exception error, ILogger? logger)
    {
        if (ParkedEvents.Enabled)
        {
            ParkedEvents.Add(1, new KeyValuePair<string, object?>("projection", letter.Handler));
        }

        if (logger is not null)
        {
            LogParked(logger, error, letter.Handler, recorded.CorrelationId, recorded.StreamId, recorded.Version, recorded.Position, letter.Attempts);
        }
    }

    public static void PassFailed(string projection, Exception error, ILogger? logger)
    {
        if (logger is not null)
        {
            LogPassFailed(logger, error, projection, PatternsGenDiagnostics.CorrelationId());
        }
    }

    // The fields every PatternsGen log record carries: pattern, service (the projection) and correlation_id (the event's).
    private const string Pattern = "projection";

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error,
        Message = "{Service} failed on {StreamId}@{Version} (position {Position}) after {Attempts} attempt(s); the event is parked and the projection goes on (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogParked(ILogger logger, Exception error, string service, string? correlationId, string streamId, long version, long position, int attempts, string pattern = Pattern);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error,
        Message = "Projection {Service} could not read the store or write its checkpoint; it tries again at the next poll (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogPassFailed(ILogger logger, Exception error, string service, string? correlationId, string pattern = Pattern);
}
