namespace PatternsGen.Package.Tests;

/// <summary>
/// Every code fix as a user's command line applies it: <c>dotnet format</c> on a fresh project that takes
/// PatternsGen from the packed package. The result must equal <c>DotnetFormat/After.cs.txt</c> byte for byte
/// (layout included: each inserted member is set apart by blank lines) and build without the fixed warnings.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class DotnetFormatTests(PackedPackages packages) : IDisposable
{
    private static readonly string Folder = Path.Combine(PatternsGen.Tests.Repository.Root, "tests", "PatternsGen.Package.Tests", "DotnetFormat");

    private readonly ConsumerProject _project = ConsumerProject.Create(packages, "Formatted", "Library", "PatternsGen");

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Dotnet_format_applies_every_code_fix_as_the_expected_file_shows()
    {
        // PGEN900 is an error: as a warning the project restores and builds far enough for format to fix it.
        _project.Write(".editorconfig", """
            root = true
            [*.cs]
            dotnet_diagnostic.PGEN900.severity = warning
            """);
        _project.Write("Shop.cs", Normalize(File.ReadAllText(Path.Combine(Folder, "Before.cs.txt"))));

        var format = await _project.RunAsync("format", "--diagnostics", "PGEN001", "PGEN002", "PGEN201", "PGEN900", "--severity", "info");
        Assert.True(format.ExitCode == 0, "dotnet format failed:\n" + format.Output);
        Assert.Equal(Normalize(File.ReadAllText(Path.Combine(Folder, "After.cs.txt"))), _project.Read("Shop.cs"));

        var build = await _project.RunAsync("build");
        Assert.True(build.ExitCode == 0, "the formatted project does not build:\n" + build.Output);
        Assert.DoesNotMatch(@"PGEN(001|002|201|900)", build.Output);
    }

    // The expected files are checked out with the repository's line endings; the comparison is about layout.
    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
