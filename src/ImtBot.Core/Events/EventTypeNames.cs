using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ImtBot.Core.Events;

/// <summary>Maps event data types to their discriminators, read once from the attributes on <see cref="EventData"/>.</summary>
public static class EventTypeNames
{
    private static readonly FrozenDictionary<Type, string> Names = typeof(EventData)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static string Of(Type type) => Names.TryGetValue(type, out var name) ? name : type.Name;

    public static IEnumerable<string> All => Names.Values;
}
