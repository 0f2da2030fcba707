using System.Text;

namespace PatternsGen.Testing;

/// <summary>A small line diff (longest common subsequence) for readable snapshot failures.</summary>
public static class LineDiff
{
    private const int Context = 2;

    /// <summary>Lines only in <paramref name="expected"/> as '-', only in <paramref name="actual"/> as '+', with two lines of context.</summary>
    public static string Unified(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', y + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var output = new StringBuilder();
        var lastPrinted = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = false;
            for (var k = Math.Max(0, i - Context); k <= Math.Min(lines.Count - 1, i + Context) && !near; k++)
            {
                near = lines[k].Kind != ' ';
            }

            if (!near)
            {
                continue;
            }

            if (lastPrinted >= 0 && lastPrinted != i - 1)
            {
                output.AppendLine("  ...");
            }

            output.AppendLine($"{lines[i].Kind} {lines[i].Line,4}: {lines[i].Text}");
            lastPrinted = i;
        }

        return output.ToString();
    }
}
