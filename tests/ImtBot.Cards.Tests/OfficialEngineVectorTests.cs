using System.Text.Json.Nodes;
using ImtBot.Cards.Templating;

namespace ImtBot.Cards.Tests;

/// <summary>
/// Replays OfficialVectors.json: templates and data with what the official adaptivecards-templating engine gave
/// (regenerate with official-vectors.mjs). Covers every supported construct with missing, null and mistyped data.
/// </summary>
public sealed class OfficialEngineVectorTests
{
    public static TheoryData<int> Vectors()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Load().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Expand_OfficialVector_GivesTheOfficialResult(int index)
    {
        var vector = Load()[index]!.AsObject();
        if (vector["template"]!.ToJsonString().Contains("nope(", StringComparison.Ordinal))
        {
            // An unknown function is refused when the template loads (the official engine fails or prints it back).
            Assert.Throws<CardTemplateException>(() => CardTemplate.Parse(vector["template"]));
            return;
        }

        var template = CardTemplate.Parse(vector["template"]);
        var expected = vector["expected"];

        if (expected is JsonValue v && v.TryGetValue<string>(out var s) && s == "error")
        {
            Assert.Throws<CardTemplateException>(() => template.Expand(vector["data"]));
            return;
        }

        var actual = template.Expand(vector["data"]);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"template {vector["template"]!.ToJsonString()} data {vector["data"]!.ToJsonString()}: official {expected?.ToJsonString()}, ours {actual?.ToJsonString()}");
    }

    private static JsonArray Load() => cache ??= JsonNode.Parse(File.ReadAllText(RepoPaths.TestFile("OfficialVectors.json")))!.AsArray();

    private static JsonArray? cache;
}
