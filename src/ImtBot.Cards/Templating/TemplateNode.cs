using System.Text.Json.Nodes;

namespace ImtBot.Cards.Templating;

/// <summary>A template prepared once: JSON with its template strings parsed.</summary>
internal abstract record TemplateNode
{
    public static TemplateNode Prepare(JsonNode? node) => node switch
    {
        JsonObject o => TemplateObject.Prepare(o),
        JsonArray a => new TemplateArray(a.Select(Prepare).ToList()),
        JsonValue v when JsValues.FromNode(v) is string s && TemplateString.HasExpression(s) => new TemplateExpression(TemplateString.Parse(s)),
        _ => new TemplateLiteral(node?.DeepClone()),
    };

    /// <summary>
    /// Expands the node: a <see cref="JsonNode"/>, <c>null</c> (JSON null; an object whose <c>$when</c>/<c>$data</c>
    /// produced nothing) or <see cref="Undefined"/> (leave the property out). An object repeated over an array gives a
    /// <see cref="JsonArray"/>, which an enclosing array splices in.
    /// </summary>
    public abstract object? Expand(Scope scope);
}

internal sealed record TemplateLiteral(JsonNode? Value) : TemplateNode
{
    public override object? Expand(Scope scope) => Value?.DeepClone();
}

internal sealed record TemplateExpression(TemplateString Text) : TemplateNode
{
    public override object? Expand(Scope scope) => Text.Evaluate(scope) switch
    {
        Undefined => Undefined.Value,
        var v => JsValues.ToNode(v),
    };
}

internal sealed record TemplateArray(IReadOnlyList<TemplateNode> Items) : TemplateNode
{
    public override object? Expand(Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in Items)
        {
            switch (item.Expand(scope))
            {
                case null or Undefined:
                    break;
                case JsonArray many:
                    foreach (var element in many.ToList())
                    {
                        many.Remove(element);
                        result.Add(element);
                    }

                    break;
                case JsonNode one:
                    result.Add(one);
                    break;
            }
        }

        return result;
    }
}
