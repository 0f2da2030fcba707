using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Testing;
using PatternsGen.Diagnostics;
using PatternsGen.Messaging;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Messaging;

[Collection(ListenerCollection.Name)]
public sealed class MessagingTelemetryTests
{
    [Fact]
    public async Task Each_handlers_run_is_a_process_span_with_OpenTelemetrys_messaging_attributes_and_a_duration()
    {
        var spans = new List<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = static s => s.Name == PatternsGenDiagnostics.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(activities);
        var durations = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name == PatternsGenDiagnostics.Name && instrument.Name == "messaging.process.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (durations)
            {
                durations.Add((value, tags.ToArray().ToDictionary(static t => t.Key, static t => t.Value)));
            }
        });
        meters.Start();
        var journal = new Journal();
        await using var bus = new InMemoryEventBus(PatternsGen.Generated.EventHandlers.Create(() => new AuditHandlers(journal), () => new ShopHandlers(journal)));

        var message = new EventMessage(new OrderShipped("o-7")) { CorrelationId = "order-7" };
        await bus.PublishAsync(message);
        await bus.WhenIdleAsync();

        var shipped = Assert.Single(Mine(spans, message), static a => (string?)a.GetTagItem("messaging.consumer.group.name") == "PatternsGen.Runtime.Tests.Messaging.ShopHandlers.OnShipped");
        Assert.Equal("process test.order-shipped", shipped.OperationName);
        Assert.Equal(ActivityKind.Consumer, shipped.Kind);
        Assert.Equal(
            ("patternsgen", "process", "test.order-shipped", message.MessageId.ToString(), "order-7"),
            ((string?)shipped.GetTagItem("messaging.system"), (string?)shipped.GetTagItem("messaging.operation.type"),
             (string?)shipped.GetTagItem("messaging.destination.name"), (string?)shipped.GetTagItem("messaging.message.id"),
             (string?)shipped.GetTagItem("messaging.message.conversation_id")));
        Assert.Equal(2, Mine(spans, message).Count); // the audit handler took it too

        lock (durations)
        {
            var measured = durations.Where(static d => (string?)d.Tags["messaging.destination.name"] == "test.order-shipped").ToList();
            Assert.True(measured.Count >= 2, $"{measured.Count} durations recorded");
            Assert.All(measured, static d => Assert.Null(d.Tags["error.type"]));
        }
    }

    [Fact]
    public async Task A_dead_letter_is_logged_with_the_fields_every_PatternsGen_log_record_carries()
    {
        var journal = new Journal();
        journal.Faults["shipped o-8"] = -1;
        var logger = new FakeLogger();
        await using var bus = new InMemoryEventBus(
            PatternsGen.Generated.EventHandlers.Create(() => new AuditHandlers(journal), () => new ShopHandlers(journal)),
            new EventBusOptions { Retry = new RetryOptions { MaxAttempts = 1 }, Logger = logger });

        await bus.PublishAsync(new EventMessage(new OrderShipped("o-8")) { CorrelationId = "order-8" });
        await bus.WhenIdleAsync();

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(
            ("event_handler", "PatternsGen.Runtime.Tests.Messaging.ShopHandlers.OnShipped", "order-8"),
            (record.GetStructuredStateValue("Pattern"), record.GetStructuredStateValue("Service"), record.GetStructuredStateValue("CorrelationId")));
    }

    private static List<Activity> Mine(List<Activity> spans, EventMessage message)
    {
        lock (spans)
        {
            return spans.Where(a => (string?)a.GetTagItem("messaging.message.id") == message.MessageId.ToString()).ToList();
        }
    }
}
