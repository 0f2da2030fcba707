using PatternsGen.Roslyn;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Shared;

public sealed class HierarchyInfoTests
{
    [Fact]
    public void Reopens_namespace_and_containing_types_outermost_first()
    {
        var type = TestCompilation.Create("""
            namespace A.@event;
            public partial class Outer<T> { public partial record struct Inner<U> { } }
            """).GetTypeByMetadataName("A.event.Outer`1+Inner`1")!;

        var hierarchy = HierarchyInfo.From(type);
        var writer = new SourceWriter();
        hierarchy.WriteOpen(writer);
        writer.WriteLine("// members");
        hierarchy.WriteClose(writer);

        Assert.Equal("A.@event", hierarchy.Namespace);
        Assert.Equal("global::A.@event.Outer<T>.Inner<U>", hierarchy.FullyQualifiedName);
        Assert.Equal("A.event.Outer`1.Inner`1.Saga.g.cs", hierarchy.HintName("Saga"));
        Assert.Equal("""
            namespace A.@event
            {
                partial class Outer<T>
                {
                    partial record struct Inner<U>
                    {
                        // members
                    }
                }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal), writer.ToString());
    }

    [Fact]
    public void Equal_declarations_give_equal_models()
    {
        const string Source = "namespace N; public partial class C { }";

        Assert.Equal(
            HierarchyInfo.From(TestCompilation.Create(Source).GetTypeByMetadataName("N.C")!),
            HierarchyInfo.From(TestCompilation.Create(Source).GetTypeByMetadataName("N.C")!));
    }
}
