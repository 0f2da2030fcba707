using Microsoft.Extensions.Logging;

namespace PatternsGen.Agents;

/// <summary>Log messages of agent runs.</summary>
internal static partial class AgentTelemetry
{
    public static void ToolFailed(ILogger? logger, string tool, Exception error)
    {
        if (logger is not null)
        {
            LogToolFailed(logger, error, tool);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Agent tool {Tool} threw; the model was told it failed")]
    private static partial void LogToolFailed(ILogger logger, Exception error, string tool);
}
