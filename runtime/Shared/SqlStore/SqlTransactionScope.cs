using System.Data.Common;

namespace PatternsGen.EventStore;

/// <summary>
/// The transaction a projection's view is written in while <see cref="SqlStore.RunAndCheckpointAsync"/> runs it, on the
/// async flow of that call only, and (where the provider has them) a batch of writes queued to run with the checkpoint in
/// one round trip; each store hands them out typed (<c>ProjectionTransaction</c>, <c>ProjectionBatch</c>).
/// </summary>
internal static class SqlTransactionScope
{
    private static readonly AsyncLocal<(DbTransaction Transaction, DbBatch? Batch)?> Ambient = new();

    public static DbTransaction? Current => Ambient.Value?.Transaction;

    public static DbBatch? CurrentBatch => Ambient.Value?.Batch;

    public static Scope Enter(DbTransaction transaction, DbBatch? batch)
    {
        var outer = Ambient.Value;
        Ambient.Value = (transaction, batch);
        return new Scope(outer);
    }

    public readonly struct Scope((DbTransaction, DbBatch?)? outer) : IDisposable
    {
        public void Dispose() => Ambient.Value = outer;
    }
}
