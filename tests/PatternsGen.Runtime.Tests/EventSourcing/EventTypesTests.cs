using PatternsGen.EventSourcing;

namespace PatternsGen.Runtime.Tests.EventSourcing;

/// <summary>The registry is process-wide: these tests use types and names no other test registers.</summary>
public sealed class EventTypesTests
{
    [Fact]
    public void Generated_registration_covers_Event_types_and_types_an_aggregate_applies_under_their_names()
    {
        Assert.Equal("account.deposited", EventTypes.Get(typeof(Deposited)).Name);
        Assert.Equal(nameof(InterestAccrued), EventTypes.Get(typeof(InterestAccrued)).Name); // applied, no [Event]: the type's name
        Assert.Throws<EventSerializationException>(() => EventTypes.Get(typeof(Audited))); // reaches Apply only through an interface
        Assert.True(EventTypes.TryGet("account.opened", out var opened));
        Assert.Equal(typeof(AccountOpened), opened.Type);
        Assert.False(EventTypes.TryGet("no.such.event", out _));
    }

    [Fact]
    public void Registering_the_same_pair_twice_is_harmless_and_one_type_cannot_take_two_names()
    {
        EventTypes.Register<RegistryOnce>("registry-test.once");
        EventTypes.Register<RegistryOnce>("registry-test.once");

        var error = Assert.Throws<InvalidOperationException>(() => EventTypes.Register<RegistryOnce>("registry-test.other"));
        Assert.Contains("registry-test.once", error.Message, StringComparison.Ordinal);
        Assert.Equal("registry-test.once", EventTypes.Get(typeof(RegistryOnce)).Name);
    }

    [Fact]
    public void Two_types_under_one_name_make_that_name_unusable_with_a_message_naming_both()
    {
        EventTypes.Register<RegistryFirst>("registry-test.clash");
        EventTypes.Register<RegistrySecond>("registry-test.clash");

        var read = Assert.Throws<EventSerializationException>(() => EventTypes.TryGet("registry-test.clash", out _));
        var write = Assert.Throws<EventSerializationException>(() => EventTypes.Get(typeof(RegistryFirst)));
        Assert.Contains(nameof(RegistryFirst), read.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RegistrySecond), read.Message, StringComparison.Ordinal);
        Assert.Equal(read.Message, write.Message);
    }

    [Fact]
    public void An_unregistered_type_is_refused_with_how_to_register_it()
    {
        var error = Assert.Throws<EventSerializationException>(() => EventTypes.Get(typeof(Unrelated)));

        Assert.Contains("EventTypes.Register<Unrelated>", error.Message, StringComparison.Ordinal);
    }

    private sealed record RegistryOnce;

    private sealed record RegistryFirst;

    private sealed record RegistrySecond;
}
