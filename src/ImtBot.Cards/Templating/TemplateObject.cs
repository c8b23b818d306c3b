using System.Text.Json.Nodes;

namespace ImtBot.Cards.Templating;

/// <summary>An object with its properties and, when present, its <c>$data</c> (repetition or scope) and <c>$when</c> (condition).</summary>
internal sealed record TemplateObject(
    IReadOnlyList<KeyValuePair<string, TemplateNode>> Properties,
    TemplateNode? DataContext,
    TemplateString? When,
    bool AlwaysDropped) : TemplateNode
{
    private static readonly HashSet<string> Reserved = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    public static TemplateObject Prepare(JsonObject o)
    {
        var properties = o.Where(p => !Reserved.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, Prepare(p.Value))).ToList();
        var data = o.TryGetPropertyValue("$data", out var d) ? Prepare(d) : null;
        TemplateString? when = null;
        var dropped = false;
        if (o.TryGetPropertyValue("$when", out var w))
        {
            // The official engine evaluates $when only when it is an expression; any other truthy value drops the object.
            var value = JsValues.FromNode(w);
            if (value is string s && TemplateString.HasExpression(s))
            {
                when = TemplateString.Parse(s);
            }
            else
            {
                dropped = value switch { null or false or "" => false, double n => n != 0, _ => true };
            }
        }

        return new TemplateObject(properties, data, when, dropped);
    }

    public override object? Expand(Scope scope)
    {
        var contexts = new List<Scope>();
        if (DataContext is null)
        {
            contexts.Add(scope);
        }
        else
        {
            var data = DataContext is TemplateExpression e ? e.Text.Evaluate(scope) : DataContext.Expand(scope);
            if (data is JsonArray items)
            {
                contexts.AddRange(items.Select((item, i) => scope with { Data = JsValues.FromNode(item), Index = (double)i }));
            }
            else
            {
                contexts.Add(data is Undefined ? scope : scope with { Data = data });
            }
        }

        var results = new List<JsonObject>();
        foreach (var context in contexts)
        {
            if (AlwaysDropped || (When is not null && !When.EvaluateCondition(context)))
            {
                continue;
            }

            var expanded = new JsonObject();
            foreach (var (key, node) in Properties)
            {
                var value = node.Expand(context);
                if (value is not Undefined)
                {
                    expanded[key] = (JsonNode?)value;
                }
            }

            results.Add(expanded);
        }

        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => new JsonArray([.. results]),
        };
    }
}
