using Xunit.Sdk;

namespace PatternsGen.Testing.Tests;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pgen-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Accept_writes_the_files_and_a_later_compare_passes()
    {
        GeneratedFile[] files = [new("A.g.cs", "class A {}\n"), new("B.g.cs", "class B {}\n")];

        Snapshot.Verify(files, _directory, accept: true);
        Snapshot.Verify(files, _directory, accept: false);

        Assert.Equal("class A {}\n", File.ReadAllText(Path.Combine(_directory, "A.g.cs")));
    }

    [Fact]
    public void A_changed_file_fails_with_a_diff_naming_the_lines()
    {
        Snapshot.Verify([new("A.g.cs", "line one\nline two\nline three\n")], _directory, accept: true);

        var failure = Assert.Throws<XunitException>(() =>
            Snapshot.Verify([new("A.g.cs", "line one\nline 2\nline three\n")], _directory, accept: false));

        Assert.Contains("'A.g.cs' differs from its snapshot", failure.Message);
        Assert.Contains("-    2: line two", failure.Message);
        Assert.Contains("+    2: line 2", failure.Message);
        Assert.Contains(Snapshot.AcceptVariable, failure.Message);
    }

    [Fact]
    public void A_new_file_without_snapshot_fails()
    {
        Snapshot.Verify([new("A.g.cs", "a")], _directory, accept: true);

        var failure = Assert.Throws<XunitException>(() =>
            Snapshot.Verify([new("A.g.cs", "a"), new("B.g.cs", "b")], _directory, accept: false));

        Assert.Contains("'B.g.cs' has no snapshot", failure.Message);
    }

    [Fact]
    public void A_snapshot_no_longer_generated_fails_and_accept_removes_it()
    {
        Snapshot.Verify([new("A.g.cs", "a"), new("B.g.cs", "b")], _directory, accept: true);

        var failure = Assert.Throws<XunitException>(() => Snapshot.Verify([new("A.g.cs", "a")], _directory, accept: false));
        Assert.Contains("Snapshot 'B.g.cs' was not generated", failure.Message);

        Snapshot.Verify([new("A.g.cs", "a")], _directory, accept: true);
        Assert.False(File.Exists(Path.Combine(_directory, "B.g.cs")));
    }

    [Fact]
    public void The_generator_version_is_scrubbed_so_a_version_bump_changes_no_snapshot()
    {
        Snapshot.Verify([new("A.g.cs", "[global::System.CodeDom.Compiler.GeneratedCode(\"PatternsGen\", \"0.1.0.0\")]\n")], _directory, accept: true);

        Snapshot.Verify([new("A.g.cs", "[global::System.CodeDom.Compiler.GeneratedCode(\"PatternsGen\", \"9.9.9.9\")]\n")], _directory, accept: false);

        Assert.Contains("\"{version}\"", File.ReadAllText(Path.Combine(_directory, "A.g.cs")));
    }

    [Fact]
    public void Windows_line_ends_in_a_checked_out_snapshot_still_match()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "A.g.cs"), "a\r\nb\r\n");

        Snapshot.Verify([new("A.g.cs", "a\nb\n")], _directory, accept: false);
    }
}
