using Npgsql;

namespace Shop.Run;

/// <summary>Each service's own database: a SQLite file in the data folder, or a PostgreSQL database of its own.</summary>
public static class Stores
{
    /// <summary>Creates the services' PostgreSQL databases that do not exist yet; returns each service's settings.</summary>
    public static async Task<Func<string, IEnumerable<string>>> PrepareAsync(ShopSettings settings, CancellationToken ct)
    {
        Directory.CreateDirectory(settings.Data);
        if (settings.Postgres is null)
        {
            return _ => ["--Shop:Data", settings.Data];
        }

        await using (var connection = new NpgsqlConnection(settings.Postgres))
        {
            await connection.OpenAsync(ct);
            foreach (var service in Services.Names)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection) { Parameters = { new("name", DatabaseOf(service)) } };
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseOf(service)}", connection);
                    await create.ExecuteNonQueryAsync(ct);
                }
            }
        }

        return service => ["--Shop:Postgres", new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = DatabaseOf(service) }.ConnectionString];
    }

    /// <summary>What the run says about where the data is.</summary>
    public static string Describe(ShopSettings settings) => settings.Postgres is null
        ? $"SQLite files in {settings.Data}"
        : $"PostgreSQL databases {string.Join(", ", Services.Names.Select(DatabaseOf))} on {new NpgsqlConnectionStringBuilder(settings.Postgres).Host}";

    private static string DatabaseOf(string service) => "shop_" + service;
}
