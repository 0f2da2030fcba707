using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace PatternsGen.Testing;

/// <summary>
/// Checked-in snapshots of generated files, compared exactly. A test's snapshots live in
/// <c>Snapshots/&lt;TestClass&gt;/&lt;TestMethod&gt;/&lt;hint name&gt;</c> beside the test's source file.
/// Set <c>PATTERNSGEN_ACCEPT=1</c> to write the current output as the new snapshots, then review the
/// diff in git. The generator's version is scrubbed so that a version bump changes no snapshot.
/// </summary>
public static partial class Snapshot
{
    public const string AcceptVariable = "PATTERNSGEN_ACCEPT";

    public static bool AcceptFromEnvironment => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    /// <summary>Compares every file of <paramref name="run"/> with the test's snapshot folder.</summary>
    public static void Verify(
        GeneratorRun run,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        if (!File.Exists(testFile))
        {
            throw new InvalidOperationException(
                $"The test's source file '{testFile}' does not exist here, so its snapshots cannot be found. " +
                "Build the tests with DeterministicSourcePaths=false (tests/Directory.Build.props sets it).");
        }

        var directory = Path.Combine(
            Path.GetDirectoryName(testFile)!, "Snapshots", Path.GetFileNameWithoutExtension(testFile), testName);
        Verify(run.Files, directory, AcceptFromEnvironment);
    }

    /// <summary>
    /// Compares <paramref name="files"/> with the snapshots in <paramref name="directory"/>, or writes
    /// them there when <paramref name="accept"/> is set. Fails on a changed, missing or extra file.
    /// </summary>
    public static void Verify(IEnumerable<GeneratedFile> files, string directory, bool accept)
    {
        var actual = files.ToDictionary(static f => f.HintName, static f => Scrub(f.Text), StringComparer.Ordinal);
        var expected = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).ToDictionary(static p => Path.GetFileName(p), static p => Normalize(File.ReadAllText(p)), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        if (accept)
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in expected.Keys.Except(actual.Keys))
            {
                File.Delete(Path.Combine(directory, stale));
            }

            foreach (var (hint, text) in actual)
            {
                File.WriteAllText(Path.Combine(directory, hint), text);
            }

            return;
        }

        var failures = new StringBuilder();
        foreach (var (hint, text) in actual.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            if (!expected.TryGetValue(hint, out var snapshot))
            {
                failures.AppendLine($"New generated file '{hint}' has no snapshot.");
            }
            else if (snapshot != text)
            {
                failures.AppendLine($"'{hint}' differs from its snapshot (- snapshot, + generated):");
                failures.AppendLine(LineDiff.Unified(snapshot, text));
            }
        }

        foreach (var missing in expected.Keys.Except(actual.Keys).OrderBy(static k => k, StringComparer.Ordinal))
        {
            failures.AppendLine($"Snapshot '{missing}' was not generated.");
        }

        if (failures.Length > 0)
        {
            failures.AppendLine($"Snapshots: {directory}");
            failures.AppendLine($"If the change is intended, rerun with {AcceptVariable}=1 and review the diff.");
            throw new XunitException(failures.ToString());
        }
    }

    /// <summary>Replaces what legitimately changes between builds (the version in [GeneratedCode]).</summary>
    public static string Scrub(string text) =>
        GeneratedCodeVersion().Replace(Normalize(text), "[global::System.CodeDom.Compiler.GeneratedCode(\"PatternsGen\", \"{version}\")]");

    // Snapshots are compared with LF line ends whatever git's checkout did to them.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex("""\[global::System\.CodeDom\.Compiler\.GeneratedCode\("PatternsGen", "[^"]*"\)\]""")]
    private static partial Regex GeneratedCodeVersion();
}
