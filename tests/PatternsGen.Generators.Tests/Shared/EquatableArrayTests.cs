using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Tests.Shared;

public sealed class EquatableArrayTests
{
    [Fact]
    public void Arrays_with_equal_items_are_equal_and_hash_alike()
    {
        var left = new[] { "a", "b" }.ToEquatableArray();
        var right = new List<string> { "a", "b" }.ToEquatableArray();

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Order_and_length_matter()
    {
        Assert.NotEqual(new[] { "a", "b" }.ToEquatableArray(), new[] { "b", "a" }.ToEquatableArray());
        Assert.NotEqual(new[] { "a" }.ToEquatableArray(), new[] { "a", "a" }.ToEquatableArray());
    }

    [Fact]
    public void Default_empty_and_constructed_empty_arrays_are_all_equal()
    {
        Assert.Equal(default, EquatableArray<string>.Empty);
        Assert.Equal(Array.Empty<string>().ToEquatableArray(), default);
        Assert.Empty(default(EquatableArray<string>));
    }

    [Fact]
    public void Records_holding_arrays_compare_by_content()
    {
        Assert.Equal(new Holder(new[] { 1, 2 }.ToEquatableArray()), new Holder(new[] { 1, 2 }.ToEquatableArray()));
    }

    private sealed record Holder(EquatableArray<int> Items);
}
