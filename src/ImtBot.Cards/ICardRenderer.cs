using System.Text.Json.Nodes;

namespace ImtBot.Cards;

/// <summary>Binds a card template (<c>cards/{platform}/{name}.json</c>) to a view model.</summary>
public interface ICardRenderer
{
    /// <param name="platform"><c>teams</c> (Adaptive Card 1.5) or <c>slack</c> (Block Kit).</param>
    /// <param name="name">The template name, e.g. <c>incident</c>, <c>page</c>, <c>help</c>.</param>
    /// <param name="model">The view model; serialized with camelCase names before binding.</param>
    JsonNode Render(string platform, string name, object model);
}
