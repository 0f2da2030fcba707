using System.Collections.Generic;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators;

/// <summary>Parameter names for generated methods that take one instance per class (the registries).</summary>
internal static class ParameterNames
{
    /// <summary>The classes' names in camelCase, made unique when two namespaces share one, escaped.</summary>
    public static List<string> For(IEnumerable<TypeRef> classes)
    {
        var names = new List<string>();
        var used = new HashSet<string>();
        foreach (var type in classes)
        {
            var name = char.ToLowerInvariant(type.Name[0]) + type.Name.Substring(1);
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = name + n;
            }

            names.Add(Identifiers.Escape(unique));
        }

        return names;
    }
}
