using System.Data.Common;

namespace PatternsGen.EventStore;

/// <summary>
/// The transaction a projection's view is written in while <see cref="SqlStore.RunAndCheckpointAsync"/> runs it, on the
/// async flow of that call only; each store hands it out typed (<c>ProjectionTransaction</c>).
/// </summary>
internal static class SqlTransactionScope
{
    private static readonly AsyncLocal<DbTransaction?> Ambient = new();

    public static DbTransaction? Current => Ambient.Value;

    public static Scope Enter(DbTransaction transaction)
    {
        var outer = Ambient.Value;
        Ambient.Value = transaction;
        return new Scope(outer);
    }

    public readonly struct Scope(DbTransaction? outer) : IDisposable
    {
        public void Dispose() => Ambient.Value = outer;
    }
}
