using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PatternsGen.Diagnostics;

namespace PatternsGen.Messaging;

/// <summary>Metrics and log messages of the bus.</summary>
internal static partial class MessagingTelemetry
{
    private static readonly Counter<long> Messages = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.bus.messages", unit: "{message}", description: "Messages taken by a handler, by outcome: handled, duplicate (skipped by the inbox), dead_lettered, lost.");

    public static void Handled(string handler, string outcome)
    {
        if (Messages.Enabled)
        {
            Messages.Add(1, new KeyValuePair<string, object?>("handler", handler), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public static void DeadLettered(DeadLetter letter, Exception error, ILogger? logger)
    {
        Handled(letter.Handler, "dead_lettered");
        if (logger is not null)
        {
            LogDeadLettered(logger, error, letter.Handler, letter.Message.Topic, letter.Message.MessageId, letter.Attempts);
        }
    }

    public static void Lost(DeadLetter letter, Exception error, ILogger? logger)
    {
        Handled(letter.Handler, "lost");
        if (logger is not null)
        {
            LogLost(logger, error, letter.Handler, letter.Message.Topic, letter.Message.MessageId);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Handler {Handler} failed on {Topic} message {MessageId} after {Attempts} attempt(s); it is in the dead-letter queue")]
    private static partial void LogDeadLettered(ILogger logger, Exception error, string handler, string topic, Guid messageId, int attempts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical, Message = "Handler {Handler} failed on {Topic} message {MessageId} and the dead-letter queue could not store it")]
    private static partial void LogLost(ILogger logger, Exception error, string handler, string topic, Guid messageId);
}
