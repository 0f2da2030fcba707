namespace PatternsGen.Package.Tests;

/// <summary>The tests that share one packing of the solution.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}

/// <summary>
/// Packs the solution once for every package test, as the README documents
/// (<c>dotnet pack PatternsGen.sln -c Release -o DIR</c>), into a fresh temp folder.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "pgen-packages-" + Guid.NewGuid().ToString("N"));

    public string PackOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var (exitCode, _, output) = await PatternsGen.Tests.ChildProcess.RunAsync("dotnet", PatternsGen.Tests.Repository.Root, ["pack", "PatternsGen.sln", "-c", "Release", "-o", Directory]);
        PackOutput = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }
    }

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
