using System.Data.Common;

namespace PatternsGen.EventStore;

/// <summary>How one database does what <see cref="SqlStore"/> needs: connections, writes, and the columns that differ.</summary>
internal interface ISqlDialect
{
    /// <summary>Opens a connection with the schema in place.</summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>A command on no connection yet, for <see cref="ExecuteWriteAsync"/>.</summary>
    DbCommand CreateCommand();

    /// <summary>
    /// Runs a statement that writes, on a connection of the dialect's choosing (the command comes without one); a dialect
    /// may queue writers, share their transactions or translate its lock errors here.
    /// </summary>
    ValueTask<int> ExecuteWriteAsync(DbCommand command, CancellationToken ct);

    /// <summary>Runs <paramref name="work"/> in a write transaction on a connection of its own, and commits when it returns.</summary>
    ValueTask RunInWriteTransactionAsync(Func<DbConnection, DbTransaction, ValueTask> work, CancellationToken ct);

    /// <summary>
    /// A parameter bound by <paramref name="name"/> or by its place. The value is null (SQL NULL), a string, a number,
    /// a <see cref="Guid"/>, a <see cref="DateTimeOffset"/> or <see cref="SqlJson"/>, each stored as the dialect's columns hold it.
    /// </summary>
    DbParameter Parameter(string name, object? value);

    Guid ReadId(DbDataReader reader, int ordinal);

    DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>A JSON column as UTF-8 bytes.</summary>
    byte[] ReadJson(DbDataReader reader, int ordinal);
}

/// <summary>A JSON document, given as UTF-8, to be bound as the dialect binds JSON.</summary>
internal readonly record struct SqlJson(byte[] Utf8);
