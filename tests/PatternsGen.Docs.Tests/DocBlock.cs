namespace PatternsGen.Docs.Tests;

/// <summary>One fenced C# block of a page, with what its marker comment says about it.</summary>
/// <param name="Page">The page's path from the repository root.</param>
/// <param name="Line">The line of the opening fence, from 1.</param>
/// <param name="Code">The block's text, as printed.</param>
/// <param name="Glue">Names of the page's glue this block compiles with (<c>&lt;!-- docs-test: with NAME --&gt;</c>).</param>
/// <param name="Expected">Diagnostic ids the block is there to show (<c>&lt;!-- docs-test: expect PGEN001 --&gt;</c>).</param>
public sealed record DocBlock(string Page, int Line, string Code, IReadOnlyList<string> Glue, IReadOnlyList<string> Expected)
{
    public override string ToString() => $"{Page}:{Line}";
}
