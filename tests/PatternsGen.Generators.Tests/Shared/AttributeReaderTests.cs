using Microsoft.CodeAnalysis;
using PatternsGen.Roslyn;
using PatternsGen.Testing;

namespace PatternsGen.Generators.Tests.Shared;

/// <summary>While the user types, attribute arguments are often wrong: the readers must answer null, never throw.</summary>
public sealed class AttributeReaderTests
{
    [Fact]
    public void Reads_well_formed_constructor_and_named_arguments()
    {
        var attribute = StepAttributeOf("""[SagaStep(2, Compensate = "Undo", Pivot = true)] void Step() { }""");

        Assert.Equal(2, AttributeReader.ConstructorInt32(attribute, 0));
        Assert.Equal("Undo", AttributeReader.NamedString(attribute, "Compensate"));
        Assert.True(AttributeReader.NamedBoolean(attribute, "Pivot"));
    }

    [Fact]
    public void Missing_arguments_read_as_null()
    {
        var attribute = StepAttributeOf("[SagaStep(1)] void Step() { }");

        Assert.Null(AttributeReader.NamedString(attribute, "Compensate"));
        Assert.Null(AttributeReader.NamedBoolean(attribute, "Pivot"));
        Assert.Null(AttributeReader.ConstructorInt32(attribute, 1));
        Assert.Null(AttributeReader.ConstructorString(attribute, 0));
    }

    [Fact]
    public void Arguments_of_the_wrong_type_or_in_error_read_as_null()
    {
        var attribute = StepAttributeOf("""[SagaStep("first", Compensate = 3, Pivot = Missing.Value)] void Step() { }""");

        Assert.Null(AttributeReader.ConstructorInt32(attribute, 0));
        Assert.Null(AttributeReader.NamedString(attribute, "Compensate"));
        Assert.Null(AttributeReader.NamedBoolean(attribute, "Pivot"));
    }

    [Fact]
    public void Find_matches_by_metadata_name_and_ignores_same_named_attributes_elsewhere()
    {
        var compilation = TestCompilation.Create("""
            namespace Other { public sealed class SagaAttribute : System.Attribute { } }
            [PatternsGen.Saga] public partial class Ours { }
            [Other.Saga] public partial class Theirs { }
            """);

        Assert.True(AttributeReader.Has(compilation.GetTypeByMetadataName("Ours")!, KnownTypes.SagaAttribute));
        Assert.False(AttributeReader.Has(compilation.GetTypeByMetadataName("Theirs")!, KnownTypes.SagaAttribute));
    }

    private static AttributeData StepAttributeOf(string method)
    {
        var compilation = TestCompilation.Create($$"""
            using PatternsGen;
            [Saga] public partial class Checkout
            {
                {{method}}
            }
            """);
        var step = compilation.GetTypeByMetadataName("Checkout")!.GetMembers("Step").Single();
        return AttributeReader.Find(step, KnownTypes.SagaStepAttribute)!;
    }
}
