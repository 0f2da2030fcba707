using PatternsGen.Tests;

namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>
/// The server these tests use: the connection string in <c>PATTERNSGEN_PG</c>. Without it the tests
/// skip on a developer machine, and fail in CI (<c>CI=true</c>), where they must run.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "PATTERNSGEN_PG";

    public static string ConnectionString() =>
        ExternalServer.Require(Variable, "PostgreSQL", "see docs/testing.md to run the PostgreSQL tests.");

    /// <summary>Drops a test's schema with everything in it.</summary>
    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
