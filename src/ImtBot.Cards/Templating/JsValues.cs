using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImtBot.Cards.Templating;

/// <summary>
/// The binder's values follow JavaScript, as the official engine runs on it: <see cref="Undefined"/>, <c>null</c>,
/// <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="JsonArray"/> or <see cref="JsonObject"/>.
/// </summary>
internal static class JsValues
{
    public static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject or JsonArray => (object)node,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => (object)v.GetValue<string>(),
            JsonValueKind.Number => v.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when Math.Abs(d) < 9e15 && d == Math.Floor(d) => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        JsonNode n => n.DeepClone(),
        _ => throw new CardTemplateException($"cannot write a value of type {value.GetType().Name}"),
    };

    /// <summary>JavaScript truthiness as Adaptive Expressions define it: only <c>false</c>, <c>null</c> and undefined are false.</summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or Undefined => false,
        _ => true,
    };

    /// <summary>JavaScript's <c>String(value)</c> for the values a concatenation may meet (null and undefined are faults there).</summary>
    public static string ToJsString(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        JsonArray a => string.Join(',', a.Select(i => i is null ? "" : ToJsString(FromNode(i)))),
        JsonObject => "[object Object]",
        _ => throw new CardTemplateException("cannot turn null or undefined into text"),
    };

    public static bool CommonEquals(object? a, object? b)
    {
        if (a is null or Undefined || b is null or Undefined)
        {
            return a is null or Undefined && b is null or Undefined;
        }

        return (a, b) switch
        {
            (JsonNode x, JsonNode y) => JsonNode.DeepEquals(x, y),
            (double x, double y) => Math.Abs(x - y) < 2.220446049250313E-16 || x == y,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            _ => false,
        };
    }

    private static string FormatNumber(double d)
    {
        if (d == Math.Floor(d) && Math.Abs(d) < 1e21)
        {
            return d.ToString("0", CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }
}
