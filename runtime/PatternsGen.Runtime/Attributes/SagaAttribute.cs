namespace PatternsGen;

/// <summary>
/// Marks a <see langword="partial"/> class as an orchestrated saga made of its
/// <see cref="SagaStepAttribute"/> methods. PatternsGen generates <c>ExecuteAsync</c>, which runs the
/// steps in order and, when one fails, runs the compensations of the completed steps in reverse order.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SagaAttribute : Attribute
{
}
