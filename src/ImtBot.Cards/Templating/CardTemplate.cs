using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImtBot.Cards.Templating;

/// <summary>
/// An Adaptive Cards Templating template (<c>${path}</c>, <c>$data</c>, <c>$when</c>, <c>$root</c>, <c>$index</c> and the
/// functions <c>if</c>, <c>count</c>, <c>length</c>, <c>join</c>, <c>empty</c>, <c>not</c>, <c>equals</c>, with
/// <c>!</c> <c>==</c> <c>!=</c> <c>&amp;&amp;</c> <c>||</c>) that expands exactly as the official
/// <c>adaptivecards-templating</c> engine does, including its treatment of unknown paths (left as <c>${path}</c>).
/// Data only ever enters the output as JSON values: nothing is spliced into JSON text.
/// </summary>
public sealed class CardTemplate
{
    private readonly TemplateNode root;

    private CardTemplate(TemplateNode root) => this.root = root;

    /// <exception cref="CardTemplateException">The text is not JSON or holds an expression the binder does not support.</exception>
    public static CardTemplate Parse(string json)
    {
        try
        {
            return Parse(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }));
        }
        catch (JsonException e)
        {
            throw new CardTemplateException("the template is not valid JSON: " + e.Message, e);
        }
    }

    public static CardTemplate Parse(JsonNode? template) => new(TemplateNode.Prepare(template));

    /// <summary>Expands the template with <paramref name="data"/> as <c>$root</c>.</summary>
    /// <exception cref="CardTemplateException">An expression fails where the official engine fails too.</exception>
    public JsonNode? Expand(JsonNode? data)
    {
        var rootData = JsValues.FromNode(data?.DeepClone());
        return root.Expand(new Scope(rootData, rootData, null)) switch
        {
            Undefined => null,
            var v => (JsonNode?)v,
        };
    }
}
