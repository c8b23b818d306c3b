using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImtBot.Core.Events;

namespace ImtBot.Core.Effects;

/// <summary>Effect discriminators and their JSON form (the outbox payload).</summary>
public static class EffectKinds
{
    private static readonly FrozenDictionary<Type, string> Names = typeof(Effect)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static string Of(Type type) => Names.TryGetValue(type, out var name) ? name : type.Name;

    public static string Serialize(Effect effect) => JsonSerializer.Serialize(effect, EventChain.JsonOptions);

    public static Effect Deserialize(string json) =>
        JsonSerializer.Deserialize<Effect>(json, EventChain.JsonOptions) ?? throw new JsonException("effect is null");
}
