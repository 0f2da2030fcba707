using PatternsGen.Diagnostics;

namespace OpenTelemetry.Trace
{
    /// <summary>Subscribes OpenTelemetry's tracing to PatternsGen.</summary>
    public static class PatternsGenTracerProviderBuilderExtensions
    {
        /// <summary>
        /// Records PatternsGen's activities (<c>ActivitySource("PatternsGen")</c>): saga runs and steps, event handling,
        /// agent tool calls, and the resilience events on them.
        /// </summary>
        public static TracerProviderBuilder AddPatternsGenInstrumentation(this TracerProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddSource(PatternsGenDiagnostics.Name);
        }
    }
}

namespace OpenTelemetry.Metrics
{
    /// <summary>Subscribes OpenTelemetry's metrics to PatternsGen.</summary>
    public static class PatternsGenMeterProviderBuilderExtensions
    {
        /// <summary>Records PatternsGen's instruments (<c>Meter("PatternsGen")</c>): saga runs, bus messages, circuit state changes, retries, rejections and attempt durations.</summary>
        public static MeterProviderBuilder AddPatternsGenInstrumentation(this MeterProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddMeter(PatternsGenDiagnostics.Name);
        }
    }
}
