namespace PatternsGen.Docs.Tests;

/// <summary>
/// Every C# block a user reads compiles as printed, with only the glue its page declares, and shows exactly the
/// PatternsGen diagnostics it says it shows. A block that stops compiling fails here, not in a reader's project.
/// </summary>
public sealed class DocBlockTests
{
    private static readonly string Root = PatternsGen.Tests.Repository.Root;

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in MarkdownPages.All(Root))
        {
            foreach (var block in MarkdownPages.Read(Root, page).Blocks)
            {
                data.Add(block.Page, block.Line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task Compiles_as_printed(string page, int line)
    {
        var (blocks, glue) = MarkdownPages.Read(Root, page);
        var block = blocks.Single(b => b.Line == line);

        var diagnostics = await DocCompiler.CompileAsync(block, glue);

        var unexpected = diagnostics.Where(d => !block.Expected.Contains(d.Id)).ToList();
        Assert.True(unexpected.Count == 0, $"{block} does not compile as printed:\n{string.Join('\n', unexpected)}\n\n{block.Code}");
        Assert.Equal(block.Expected.Order(), diagnostics.Select(static d => d.Id).Distinct().Order());
    }

    [Fact]
    public void No_page_or_sample_speaks_of_the_seed_a_word_from_inside_the_project()
    {
        var samples = Directory.GetFiles(Path.Combine(Root, "samples"), "*.*", SearchOption.AllDirectories)
            .Where(static p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal))
            .Where(static p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var diagnostics = Directory.GetFiles(Path.Combine(Root, "docs", "diagnostics"), "*.md");
        foreach (var page in MarkdownPages.All(Root).Concat(diagnostics.Concat(samples).Select(p => Path.GetRelativePath(Root, p))))
        {
            var text = File.ReadAllText(Path.Combine(Root, page));
            Assert.False(
                System.Text.RegularExpressions.Regex.IsMatch(text, @"\bthe seed\b|\bseed's\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
                $"{page} speaks of 'the seed', which readers never saw: say what is meant (the retry defaults, the choreography, the log fields).");
        }
    }
}
