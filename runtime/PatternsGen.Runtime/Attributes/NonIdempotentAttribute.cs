namespace PatternsGen;

/// <summary>
/// Marks a method whose effect doubles when it is called twice with the same arguments (it sends, charges,
/// appends or counts). An <c>[EventHandler]</c> that calls one is reported by PGEN002 unless it is
/// <see cref="IdempotentAttribute"/> or uses the inbox. Put it on your own such APIs; PatternsGen puts it
/// on <c>IEventBus.PublishAsync</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class NonIdempotentAttribute : Attribute
{
}
