using System.Text.Json.Nodes;

namespace ImtBot.Teams.Activities;

/// <summary>Invoke response bodies (docs/protocols.md §Teams card actions); always sent with HTTP 200.</summary>
internal static class InvokeResponses
{
    /// <summary>Replaces the card for the user who clicked.</summary>
    public static JsonObject Card(JsonNode card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = TeamsConstants.AdaptiveCardType,
        ["value"] = card.DeepClone(),
    };

    /// <summary>A toast with plain text.</summary>
    public static JsonObject Message(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = TeamsConstants.MessageType,
        ["value"] = text,
    };

    public static JsonObject Error(int statusCode, string code, string message) => new()
    {
        ["statusCode"] = statusCode,
        ["type"] = TeamsConstants.ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
