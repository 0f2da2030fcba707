using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PatternsGen.Diagnostics;

namespace PatternsGen.Messaging;

/// <summary>
/// Metrics, activities and log messages of the bus. A handler's run of a message is a <c>process</c> span with
/// OpenTelemetry's messaging attributes, and its duration goes to <c>messaging.process.duration</c>; both cost one
/// check each when nobody listens.
/// </summary>
internal static partial class MessagingTelemetry
{
    private const string System = "patternsgen";

    private static readonly Histogram<double> ProcessDuration = PatternsGenDiagnostics.Meter.CreateHistogram<double>(
        "messaging.process.duration", unit: "s", description: "How long a handler took over a message, retries included.");

    private static readonly Counter<long> Messages = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.bus.messages", unit: "{message}", description: "Messages taken by a handler, by outcome: handled, duplicate (skipped by the inbox), dead_lettered, lost.");

    public static void Handled(string handler, string outcome)
    {
        if (Messages.Enabled)
        {
            Messages.Add(1, new KeyValuePair<string, object?>("handler", handler), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <summary>The timestamp a handler's run starts at, taken only while its duration is measured (a span keeps its own).</summary>
    public static long StartTimestamp() => ProcessDuration.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>
    /// The <c>process</c> span of <paramref name="handler"/> over <paramref name="message"/>, or null when nobody listens.
    /// A transport passes the publisher's context as <paramref name="parent"/> and names itself in <paramref name="system"/>;
    /// without one, a message read from a store continues the trace it was stored in.
    /// </summary>
    public static Activity? StartProcess(string handler, EventMessage message, ActivityContext parent = default, string system = System)
    {
        if (!PatternsGenDiagnostics.ActivitySource.HasListeners())
        {
            return null; // before building the name: an unobserved message allocates nothing here
        }

        var activity = PatternsGenDiagnostics.ActivitySource.StartActivity(
            "process " + message.Topic, ActivityKind.Consumer, parent == default ? StoredContext(message) : parent);
        if (activity is not null)
        {
            activity.SetTag("messaging.system", system);
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.operation.name", "process");
            activity.SetTag("messaging.destination.name", message.Topic);
            activity.SetTag("messaging.consumer.group.name", handler);
            activity.SetTag("messaging.message.id", message.MessageId.ToString());
            activity.SetTag("messaging.message.conversation_id", message.CorrelationId);
            activity.SetTag("correlation_id", message.CorrelationId);
        }

        return activity;
    }

    /// <summary>The <c>send</c> span of publishing <paramref name="message"/> through <paramref name="system"/>, or null when nobody listens.</summary>
    public static Activity? StartSend(EventMessage message, string system)
    {
        if (!PatternsGenDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = PatternsGenDiagnostics.ActivitySource.StartActivity("send " + message.Topic, ActivityKind.Producer, StoredContext(message));
        if (activity is not null)
        {
            activity.SetTag("messaging.system", system);
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.operation.name", "send");
            activity.SetTag("messaging.destination.name", message.Topic);
            activity.SetTag("messaging.message.id", message.MessageId.ToString());
            activity.SetTag("messaging.message.conversation_id", message.CorrelationId);
        }

        return activity;
    }

    /// <summary>
    /// The trace a message read from a store continues (<see cref="EventMessage.TraceParent"/>), or default: then a span
    /// starts under the current activity, as for any publish. Parsed only once someone listens.
    /// </summary>
    private static ActivityContext StoredContext(EventMessage message) =>
        message.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;

    /// <summary>Ends a handler's run: its span and its duration, with <c>error.type</c> when it failed.</summary>
    public static void Processed(Activity? activity, string handler, EventMessage message, long started, Exception? error, string system = System)
    {
        if (error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            activity?.SetTag("error.type", error.GetType().FullName);
        }

        activity?.Dispose();
        if (started != 0 && ProcessDuration.Enabled)
        {
            ProcessDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("messaging.system", system),
                new KeyValuePair<string, object?>("messaging.operation.name", "process"),
                new KeyValuePair<string, object?>("messaging.destination.name", message.Topic),
                new KeyValuePair<string, object?>("messaging.consumer.group.name", handler),
                new KeyValuePair<string, object?>("error.type", error?.GetType().FullName));
        }
    }

    public static void DeadLettered(DeadLetter letter, Exception error, ILogger? logger)
    {
        Handled(letter.Handler, "dead_lettered");
        if (logger is not null)
        {
            LogDeadLettered(logger, error, Pattern, letter.Handler, letter.Message.CorrelationId, letter.Message.Topic, letter.Message.MessageId, letter.Attempts);
        }
    }

    public static void Lost(DeadLetter letter, Exception error, ILogger? logger)
    {
        Handled(letter.Handler, "lost");
        if (logger is not null)
        {
            LogLost(logger, error, Pattern, letter.Handler, letter.Message.CorrelationId, letter.Message.Topic, letter.Message.MessageId);
        }
    }

    private const string Pattern = "event_handler";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "Handler {Service} failed on {Topic} message {MessageId} after {Attempts} attempt(s); it is in the dead-letter queue (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogDeadLettered(ILogger logger, Exception error, string pattern, string service, string? correlationId, string topic, Guid messageId, int attempts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical,
        Message = "Handler {Service} failed on {Topic} message {MessageId} and the dead-letter queue could not store it (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogLost(ILogger logger, Exception error, string pattern, string service, string? correlationId, string topic, Guid messageId);
}
