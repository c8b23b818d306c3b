using System.Text.Json.Nodes;

namespace ImtBot.Teams.Activities;

/// <summary>What <c>/api/messages</c> answers: an HTTP status and, for invokes, a JSON body.</summary>
internal sealed record ActivityResult(int Status, JsonNode? Body = null)
{
    public static ActivityResult Ok { get; } = new(200);
}
