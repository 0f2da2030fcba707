using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Tests.Shared;

public sealed class SourceWriterTests
{
    [Fact]
    public void Indents_each_line_of_multi_line_text_and_leaves_blank_lines_empty()
    {
        var writer = new SourceWriter();
        writer.WriteLine("class C");
        writer.OpenBlock();
        writer.WriteLine("int A;\n\r\nint B;");
        writer.CloseBlock();

        Assert.Equal("class C\n{\n    int A;\n\n    int B;\n}\n", writer.ToString());
    }

    [Fact]
    public void Negative_indentation_is_a_bug_in_the_emitter()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceWriter { Indentation = -1 });
    }
}
