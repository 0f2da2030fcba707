namespace PatternsGen;

/// <summary>
/// The author asserts that this handler (or every handler of this class) is safe to run twice
/// for the same message, so at-least-once delivery cannot do harm. Silences PGEN002.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class IdempotentAttribute : Attribute
{
}
