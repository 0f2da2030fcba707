namespace PatternsGen.Testing.Tests;

public sealed class LineDiffTests
{
    [Fact]
    public void Shows_removed_and_added_lines_with_context_and_skips_far_equal_lines()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var actual = expected.Replace("line 10", "line ten", StringComparison.Ordinal);

        var diff = LineDiff.Unified(expected, actual);

        Assert.Contains("-   10: line 10", diff);
        Assert.Contains("+   10: line ten", diff);
        Assert.Contains("     9: line 9", diff);
        Assert.DoesNotContain("line 1\n", diff);
        Assert.DoesNotContain("line 20", diff);
    }

    [Fact]
    public void Identical_texts_give_an_empty_diff() => Assert.Equal(string.Empty, LineDiff.Unified("a\nb", "a\nb"));
}
