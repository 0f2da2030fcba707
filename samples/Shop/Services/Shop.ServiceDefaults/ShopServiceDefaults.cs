using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;
using PatternsGen.EventStore.Sqlite;
using PatternsGen.Hosting;
using Shop.Contracts;

namespace Shop.ServiceDefaults;

/// <summary>
/// How each service of the shop is hosted. The launcher (samples/Shop) passes the settings on the command line:
/// <c>--Shop:Data</c> (the folder of the SQLite files) or <c>--Shop:Postgres</c> (this service's database),
/// <c>--Shop:RabbitMQ</c>, <c>--Shop:Services:&lt;name&gt;</c> (the URLs of another service's instances, comma-separated),
/// <c>--Shop:Trace</c> (<c>console</c> or an OTLP endpoint) and <c>--Shop:ParentPid</c>.
/// </summary>
public static class ShopServiceDefaults
{
    /// <summary>
    /// Hosts the service <paramref name="name"/>: its event store (a SQLite file by default, PostgreSQL with
    /// <c>Shop:Postgres</c>) with the events of <paramref name="json"/> and the contracts, the bus on RabbitMQ, short
    /// leases (so a killed instance's work moves within seconds), OpenAPI, health checks and, with <c>Shop:Trace</c>, tracing.
    /// </summary>
    public static PatternsGenHostingBuilder AddShopService(this WebApplicationBuilder builder, string name, IJsonTypeInfoResolver json)
    {
        var config = builder.Configuration;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine(json, ShopJson.Default) };
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, options.TypeInfoResolver));
        builder.Services.AddSingleton(new ServiceJson(options));

        var storeOptions = new EventStoreOptions { JsonOptions = options };
        var postgres = config["Shop:Postgres"];
        var sqlite = $"Data Source={Path.Combine(config["Shop:Data"] ?? ".", name + ".db")}";
        builder.Services.AddSingleton(new ShopDatabase(postgres is { Length: > 0 }
            ? () => new NpgsqlConnection(postgres)
            : () => new SqliteConnection(sqlite)));

        var hosting = builder.Services.AddPatternsGenHosting();
        if (postgres is { Length: > 0 })
        {
            hosting.UseEventStore(_ => new PostgresEventStore(postgres, storeOptions));
        }
        else
        {
            hosting.UseEventStore(_ => new SqliteEventStore(sqlite, storeOptions));
        }

        hosting
            .UseRabbitMq(bus =>
            {
                bus.ConnectionString = config["Shop:RabbitMQ"] ?? bus.ConnectionString;
                bus.ServiceName = "shop-" + name;
                bus.Exchange = "shop.events";
                bus.JsonOptions = options;
                bus.Retry.InitialDelay = TimeSpan.FromMilliseconds(200);
                bus.Retry.MaxDelay = TimeSpan.FromSeconds(5);
            })
            .ConfigureLeases(leases =>
            {
                leases.Duration = TimeSpan.FromSeconds(3);
                leases.RenewEvery = TimeSpan.FromSeconds(1);
            });

        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails(); // also what writes a refusal's problem+json without reflection (Native AOT)
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // a line per request drowns what matters
        builder.Services.AddHealthChecks().AddPatternsGen();
        builder.AddShopTracing(name);
        builder.Services.AddHostedService(sp => new ParentWatch(config, sp));
        return hosting;
    }

    /// <summary>
    /// A typed client of another service: its base address is the service's name (<c>http://payments/</c>), each attempt
    /// goes to the next of its instances, and the resilience (retry, one circuit breaker per service, timeouts) wraps the
    /// attempts, so a retry after a killed instance lands on another.
    /// </summary>
    public static IHttpClientBuilder AddShopClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(this WebApplicationBuilder builder, string service)
        where TClient : class
    {
        var instances = ReplicaHandler.Parse(builder.Configuration[$"Shop:Services:{service}"], service);
        return builder.Services.AddHttpClient<TClient>(c => c.BaseAddress = new Uri($"http://{service}/"))
            .AddPatternsGenResilience(o =>
            {
                o.Retry.MaxAttempts = 6;
                o.Retry.InitialDelay = TimeSpan.FromMilliseconds(200);
                o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
                o.CircuitBreaker.FailureThreshold = 10;
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(2);
                o.AttemptTimeout = TimeSpan.FromSeconds(5);
            })
            .AddHttpMessageHandler(() => new ReplicaHandler(instances));
    }

    /// <summary>
    /// The endpoints every service has: <c>/openapi/v1.json</c>, <c>/health</c> (JSON, each check with its status) and
    /// <c>/dead-letters</c>.
    /// </summary>
    public static WebApplication MapShopDefaults(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthJson.WriteAsync });
        app.MapGet("/dead-letters", DeadLetters.ReportAsync);
        return app;
    }
}

/// <summary>The JSON options of the service's store and bus: its own types and the contracts, for whatever else stores them.</summary>
public sealed record ServiceJson(JsonSerializerOptions Options);

/// <summary>Connections to the service's own database, the one its events are in, for its read models.</summary>
public sealed record ShopDatabase(Func<DbConnection> Connect);
