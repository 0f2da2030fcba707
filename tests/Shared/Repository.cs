namespace PatternsGen.Tests;

/// <summary>The checkout the tests run from: linked into each test project that reads the repository's files.</summary>
internal static class Repository
{
    /// <summary>The folder holding PatternsGen.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatternsGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PatternsGen.sln not found above " + AppContext.BaseDirectory);
    }
}
