namespace PatternsGen.EventStore.Testing;

// Names carry a "contract." prefix: these types load beside each store's own test types, and one
// name may stand for one type only.

[Event("contract.deposited")]
public sealed record Deposited(decimal Amount, string? Note = null);

[Event("contract.withdrawn")]
public sealed record Withdrawn(decimal Amount);

[Event("contract.tick")]
public readonly record struct Tick(int Number, string Batch);

/// <summary>Never registered: stores must refuse it.</summary>
public sealed record NotRegistered(int Value);

public sealed record AccountState(decimal Balance, int Deposits);

/// <summary>A snapshotting aggregate: every 10 events. <see cref="AppliedSinceLoad"/> is not in the snapshot, so tests see how many events a load replayed.</summary>
[Aggregate(SnapshotEvery = 10)]
public sealed partial class Account
{
    public decimal Balance { get; private set; }

    public int Deposits { get; private set; }

    public int AppliedSinceLoad { get; private set; }

    public void Deposit(decimal amount) => Raise(new Deposited(amount));

    public void Withdraw(decimal amount)
    {
        if (amount > Balance)
        {
            throw new InvalidOperationException("Insufficient funds.");
        }

        Raise(new Withdrawn(amount));
    }

    private void Apply(Deposited e)
    {
        Balance += e.Amount;
        Deposits++;
        AppliedSinceLoad++;
    }

    private void Apply(Withdrawn e)
    {
        Balance -= e.Amount;
        AppliedSinceLoad++;
    }

    private AccountState CreateSnapshot() => new(Balance, Deposits);

    private void RestoreSnapshot(AccountState state) => (Balance, Deposits) = (state.Balance, state.Deposits);
}

/// <summary>The same state under a newer snapshot schema: its loads must ignore snapshots written by <see cref="Account"/>.</summary>
[Aggregate(SnapshotEvery = 10, SnapshotVersion = 2)]
public sealed partial class AccountV2
{
    public decimal Balance { get; private set; }

    public int AppliedSinceLoad { get; private set; }

    private void Apply(Deposited e)
    {
        Balance += e.Amount;
        AppliedSinceLoad++;
    }

    private void Apply(Withdrawn e)
    {
        Balance -= e.Amount;
        AppliedSinceLoad++;
    }

    private AccountState CreateSnapshot() => new(Balance, 0);

    private void RestoreSnapshot(AccountState state) => Balance = state.Balance;
}
