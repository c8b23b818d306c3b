using System.Text.Json.Nodes;

namespace ImtBot.Teams.Testing;

/// <summary>Real Teams activities (docs/protocols.md §Teams activities), embedded from this project's <c>Payloads</c> folder.</summary>
public static class Payloads
{
    public static string Read(string name)
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream("ImtBot.Teams.Testing.Payloads." + name)
            ?? throw new FileNotFoundException($"no embedded payload named {name}", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static JsonObject Node(string name) => JsonNode.Parse(Read(name))!.AsObject();
}
