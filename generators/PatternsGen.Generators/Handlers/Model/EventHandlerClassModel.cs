using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Handlers.Model;

/// <summary>A class with <c>[EventHandler]</c> methods: what its dispatcher and registrations are written from.</summary>
/// <param name="Hierarchy">Where the generated part goes.</param>
/// <param name="Type">The class.</param>
/// <param name="Name">Its name as handler names begin (<c>Shop.PaymentHandlers</c>).</param>
/// <param name="Handlers">Its callable handlers, in declaration order; a handler's index is its number in the dispatcher.</param>
/// <remarks>Must stay immutable and structurally equal, with no symbols or syntax: incremental caching compares it.</remarks>
internal sealed record EventHandlerClassModel(HierarchyInfo Hierarchy, TypeRef Type, string Name, EquatableArray<EventHandlerModel> Handlers);

/// <summary>One handler method.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="EventType">Its first parameter's type: what the event is cast to.</param>
/// <param name="Topic">The event name it subscribes to; null to subscribe by <paramref name="EventType"/>.</param>
/// <param name="Parameters">What it takes after the event.</param>
/// <param name="Returns">What it returns.</param>
/// <param name="UsesInbox"><c>UseInbox = true</c>.</param>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record EventHandlerModel(string Method, TypeRef EventType, string? Topic, HandlerParameters Parameters, HandlerReturn Returns, bool UsesInbox);

/// <summary>Every handler class of the compilation, for <c>AddPatternsGen()</c> and the plain-code registration.</summary>
/// <param name="Classes">The handler classes, in a stable order.</param>
/// <param name="HasServiceCollection">The compilation sees <c>IServiceCollection</c>, so <c>AddPatternsGen()</c> can be written.</param>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record EventHandlerRegistryModel(EquatableArray<TypeRef> Classes, bool HasServiceCollection);
