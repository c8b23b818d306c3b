using System.Text.Json.Nodes;

namespace ImtBot.Teams.Tests.TestKit;

/// <summary>Real Teams activities (protocols/teams.md §6) kept as JSON files under Activities/Payloads.</summary>
public static class Payloads
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Activities", "Payloads", name));

    public static JsonObject Node(string name) => JsonNode.Parse(Read(name))!.AsObject();
}
