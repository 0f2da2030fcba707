using System.Text.RegularExpressions;

namespace PatternsGen.Docs.Tests;

/// <summary>
/// Reads the C# blocks of the pages users read, and the glue the pages declare for them.
/// </summary>
/// <remarks>
/// A block is a whole program (top-level statements and the types they use), or it is marked, in an HTML
/// comment on the line before its fence, with the glue it needs: <c>&lt;!-- docs-test: with NAME [NAME…] --&gt;</c>.
/// A page declares glue once, in a comment a reader does not see:
/// <c>&lt;!-- docs-test: glue NAME</c>, C# lines, <c>--&gt;</c>. Glue that holds a line <c>@@block@@</c> wraps the
/// block (members of a class, statements of a method); other glue is compiled beside it as a file of its own.
/// <c>&lt;!-- docs-test: expect PGEN001 --&gt;</c> says the block is there to show that diagnostic, and
/// <c>&lt;!-- docs-test: name NAME --&gt;</c> makes a block glue for later ones (the aggregate the next blocks use).
/// Clauses combine with <c>;</c>.
/// </remarks>
public static partial class MarkdownPages
{
    public const string BlockPlaceholder = "@@block@@";

    /// <summary>The pages: the README, every page directly under docs/, and each package's README.</summary>
    public static IEnumerable<string> All(string root) =>
        new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(p => Path.GetRelativePath(root, p)))
            .Concat(new[] { "src/PatternsGen/README.md" })
            .Concat(Directory.GetFiles(Path.Combine(root, "runtime"), "README.md", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)))
            .Select(static p => p.Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static (IReadOnlyList<DocBlock> Blocks, IReadOnlyDictionary<string, string> Glue) Read(string root, string page)
    {
        var lines = File.ReadAllLines(Path.Combine(root, page));
        var blocks = new List<DocBlock>();
        var glue = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (GlueStart().Match(lines[i]) is { Success: true } start)
            {
                var body = new List<string>();
                for (i++; i < lines.Length && lines[i].Trim() != "-->"; i++)
                {
                    body.Add(lines[i]);
                }

                glue[start.Groups[1].Value] = string.Join('\n', body);
                continue;
            }

            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var fence = i;
            var clauses = (fence > 0 && Marker().Match(lines[fence - 1]) is { Success: true } marker ? marker.Groups[1].Value : "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(static c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToDictionary(static c => c[0], static c => c[1..]);
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i]);
            }

            var text = string.Join('\n', code);
            foreach (var name in clauses.GetValueOrDefault("name", []))
            {
                glue[name] = text;
            }

            blocks.Add(new DocBlock(page, fence + 1, text, clauses.GetValueOrDefault("with", []), clauses.GetValueOrDefault("expect", [])));
        }

        return (blocks, glue);
    }

    [GeneratedRegex(@"^<!-- docs-test: glue ([\w-]+)\s*$")]
    private static partial Regex GlueStart();

    [GeneratedRegex(@"^<!-- docs-test: ([\w\s;-]+?) -->$")]
    private static partial Regex Marker();
}
