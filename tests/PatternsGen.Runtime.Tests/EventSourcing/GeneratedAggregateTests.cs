using PatternsGen.EventSourcing;

namespace PatternsGen.Runtime.Tests.EventSourcing;

public sealed class GeneratedAggregateTests
{
    [Fact]
    public void A_new_aggregate_has_version_zero_and_nothing_uncommitted()
    {
        var account = new Account();

        Assert.Equal(0, account.Version);
        Assert.Empty(account.GetUncommittedEvents());
    }

    [Fact]
    public void Raise_applies_then_records_and_counts_each_event()
    {
        var account = new Account();

        account.Open("ada");
        account.Deposit(10m);

        Assert.Equal("ada", account.Owner);
        Assert.Equal(10m, account.Balance);
        Assert.Equal(2, account.Version);
        Assert.Equal([new AccountOpened("ada"), new Deposited(10m)], account.GetUncommittedEvents());
    }

    [Fact]
    public void A_command_that_throws_before_raising_changes_nothing()
    {
        var account = new Account();

        Assert.Throws<InvalidOperationException>(() => account.Deposit(5m));

        Assert.Equal(0, account.Version);
        Assert.Empty(account.GetUncommittedEvents());
    }

    [Fact]
    public void MarkCommitted_forgets_uncommitted_events_but_keeps_lists_handed_out_earlier()
    {
        var account = new Account();
        account.Open("ada");
        var pending = account.GetUncommittedEvents();

        account.MarkCommitted();

        Assert.Empty(account.GetUncommittedEvents());
        Assert.Single(pending);
        Assert.Equal(1, account.Version);
    }

    [Fact]
    public void FromEvents_rebuilds_state_without_recording_anything_as_uncommitted()
    {
        var account = Account.FromEvents([new AccountOpened("ada"), new Deposited(10m), new Deposited(5m)]);

        Assert.Equal(15m, account.Balance);
        Assert.Equal(3, account.Version);
        Assert.Empty(account.GetUncommittedEvents());
    }

    [Fact]
    public void The_switch_prefers_the_most_specific_Apply_and_falls_back_to_the_interface()
    {
        var account = Account.FromEvents([new AccountOpened("ada"), new Audited("checked"), new InterestAccrued(1m)]);

        Assert.Equal(["opened", "other:Audited", "interest"], account.Log);
        Assert.Equal(1m, account.Balance);
    }

    [Fact]
    public void An_event_with_no_Apply_throws_UnknownEventException_naming_both_types_and_is_not_counted()
    {
        var account = new Account();

        var error = Assert.Throws<UnknownEventException>(() => account.ApplyEvent(new Unrelated()));

        Assert.Equal(typeof(Account), error.AggregateType);
        Assert.Equal(typeof(Unrelated), error.EventType);
        Assert.Contains("Apply(Unrelated e)", error.Message);
        Assert.Equal(0, account.Version);
    }

    [Fact]
    public void Null_events_are_rejected_with_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new Account().ApplyEvent(null!));
        Assert.Throws<ArgumentNullException>(() => Account.FromEvents(null!));
    }
}
