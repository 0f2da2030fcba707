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
            LogParked(logger, error, letter.Handler, recorded.StreamId, recorded.Version, recorded.Position, letter.Attempts);
        }
    }

    public static void PassFailed(string projection, Exception error, ILogger? logger)
    {
        if (logger is not null)
        {
            LogPassFailed(logger, error, projection);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "{Projection} failed on {StreamId}@{Version} (position {Position}) after {Attempts} attempt(s); the event is parked and the projection goes on")]
    private static partial void LogParked(ILogger logger, Exception error, string projection, string streamId, long version, long position, int attempts);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Projection {Projection} could not read the store or write its checkpoint; it tries again at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception error, string projection);
}
