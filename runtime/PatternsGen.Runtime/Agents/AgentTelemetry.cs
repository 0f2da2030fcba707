using Microsoft.Extensions.Logging;
using PatternsGen.Diagnostics;

namespace PatternsGen.Agents;

/// <summary>Log messages of agent runs.</summary>
internal static partial class AgentTelemetry
{
    public static void ToolFailed(ILogger? logger, string tool, Exception error)
    {
        if (logger is not null)
        {
            LogToolFailed(logger, error, tool, PatternsGenDiagnostics.CorrelationId());
        }
    }

    // The fields every PatternsGen log record carries: pattern, service (the tool) and correlation_id.
    private const string Pattern = "agent_tool";

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Agent tool {Service} threw; the model was told it failed (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogToolFailed(ILogger logger, Exception error, string service, string? correlationId, string pattern = Pattern);
}
