using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PatternsGen.Coordination;

namespace Shop.ServiceDefaults;

/// <summary>
/// With <c>Shop:Trace</c>, the service exports its spans: the requests it serves and makes (ASP.NET Core's and
/// HttpClient's own activities, which carry the W3C trace context across) and PatternsGen's (saga steps, handled
/// messages, whose trace context travels in the message headers). <c>console</c> prints them; a URL sends them over OTLP.
/// </summary>
internal static class Tracing
{
    public static void AddShopTracing(this WebApplicationBuilder builder, string name)
    {
        var target = builder.Configuration["Shop:Trace"];
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(name, serviceInstanceId: ServiceInstance.Id))
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.AspNetCore", "System.Net.Http").AddPatternsGenInstrumentation();
                if (target == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(target));
                }
            });
    }
}
