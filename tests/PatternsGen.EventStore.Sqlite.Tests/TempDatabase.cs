using Microsoft.Data.Sqlite;

namespace PatternsGen.EventStore.Sqlite.Tests;

/// <summary>A database file in a fresh temp folder, deleted with its WAL files afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("patternsgen-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "events.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the files open
        Directory.Delete(_folder, recursive: true);
    }
}
