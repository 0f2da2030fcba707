namespace PatternsGen.Runtime.Tests.EventSourcing;

public interface IAccountEvent;

[Event("account.opened")]
public sealed record AccountOpened(string Owner) : IAccountEvent;

[Event("account.deposited")]
public sealed record Deposited(decimal Amount) : IAccountEvent;

public sealed record Audited(string Note) : IAccountEvent;

public readonly record struct InterestAccrued(decimal Amount);

public sealed record Unrelated;

[Aggregate]
public partial class Account
{
    public string? Owner { get; private set; }

    public decimal Balance { get; private set; }

    public List<string> Log { get; } = [];

    public void Open(string owner) => Raise(new AccountOpened(owner));

    public void Deposit(decimal amount)
    {
        if (Owner is null)
        {
            throw new InvalidOperationException("Open the account first.");
        }

        Raise(new Deposited(amount));
    }

    private void Apply(AccountOpened e)
    {
        Owner = e.Owner;
        Log.Add("opened");
    }

    private void Apply(Deposited e)
    {
        Balance += e.Amount;
        Log.Add("deposited");
    }

    private void Apply(InterestAccrued e)
    {
        Balance += e.Amount;
        Log.Add("interest");
    }

    // Anything else of the family lands here: the switch tests the specific types first.
    private void Apply(IAccountEvent e) => Log.Add("other:" + e.GetType().Name);
}
