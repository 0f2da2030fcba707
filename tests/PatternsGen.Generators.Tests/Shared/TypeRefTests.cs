using Microsoft.CodeAnalysis;
using PatternsGen.Roslyn;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Shared;

public sealed class TypeRefTests
{
    [Fact]
    public void Keyword_names_are_escaped_everywhere_type_arguments_and_nullable_structs_included()
    {
        var compilation = TestCompilation.Create("""
            namespace A.@event
            {
                public readonly record struct @checked;
                public sealed class Box<T> { public sealed class @class { } }
                public static class Holder { public static Box<@checked?>.@class Field = null!; }
            }
            """);
        var field = (IFieldSymbol)compilation.GetTypeByMetadataName("A.event.Holder")!.GetMembers("Field").Single();

        Assert.Equal("global::A.@event.Box<global::A.@event.@checked?>.@class", TypeRef.FullyQualified(field.Type));
        Assert.Equal("int", TypeRef.FullyQualified(compilation.GetSpecialType(SpecialType.System_Int32)));
    }
}
