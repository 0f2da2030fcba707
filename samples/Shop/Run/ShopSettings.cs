namespace Shop.Run;

/// <summary>
/// What the command line asked for. <see cref="Trace"/> is <c>console</c>, an OTLP endpoint, or null;
/// <see cref="Published"/> a folder of published services to run instead of the builds; <see cref="Kills"/> how many
/// instances the chaos kills at least.
/// </summary>
public sealed record ShopSettings(
    int Orders, int Replicas, bool Chaos, string? Postgres, string? Trace, string Data, string RabbitMq, int Concurrency, int Seed, string? Published = null, int Kills = 5);
