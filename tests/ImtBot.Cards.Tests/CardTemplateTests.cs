using System.Text.Json.Nodes;
using ImtBot.Cards.Templating;

namespace ImtBot.Cards.Tests;

public sealed class CardTemplateTests
{
    private static JsonNode? Expand(string template, string data) => CardTemplate.Parse(template).Expand(JsonNode.Parse(data));

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual?.ToJsonString()}");

    [Fact]
    public void Expand_StringThatIsOnlyAPath_KeepsTheValuesJsonType()
    {
        var result = Expand("""{"n":"${n}","b":"${b}","o":"${o}","a":"${a}"}""", """{"n":42,"b":true,"o":{"x":[1]},"a":["p","q"]}""");

        AssertJson("""{"n":42,"b":true,"o":{"x":[1]},"a":["p","q"]}""", result);
    }

    [Fact]
    public void Expand_InterpolatedString_ConcatenatesTextAndValues()
    {
        var result = Expand("""{"t":"${key} is ${n} min old (${ok})"}""", """{"key":"INC-42","n":5,"ok":false}""");

        AssertJson("""{"t":"INC-42 is 5 min old (false)"}""", result);
    }

    [Fact]
    public void Expand_MissingPaths_StayAsTheirExpressionLikeTheOfficialEngine()
    {
        var result = Expand("""{"a":"${gone}","b":"x ${a.b.c} y","c":"${$root.nope}"}""", "{}");

        AssertJson("""{"a":"${gone}","b":"x ${a.b.c} y","c":"${$root.nope}"}""", result);
    }

    [Fact]
    public void Expand_DataArray_RepeatsTheObjectWithIndexAndRoot()
    {
        var result = Expand(
            """{"rows":[{"$data":"${roles}","t":"${$index}:${name} of ${$root.key}"},{"t":"end"}]}""",
            """{"key":"INC-7","roles":[{"name":"ops"},{"name":"comms"}]}""");

        AssertJson("""{"rows":[{"t":"0:ops of INC-7"},{"t":"1:comms of INC-7"},{"t":"end"}]}""", result);
    }

    [Fact]
    public void Expand_NestedDataArrays_RepeatEachLevelWithItsOwnIndex()
    {
        var result = Expand(
            """{"g":[{"$data":"${groups}","name":"${name}","items":[{"$data":"${items}","t":"${$index}-${v}"}]}]}""",
            """{"groups":[{"name":"a","items":[{"v":1},{"v":2}]},{"name":"b","items":[]}]}""");

        AssertJson("""{"g":[{"name":"a","items":[{"t":"0-1"},{"t":"1-2"}]},{"name":"b","items":[]}]}""", result);
    }

    [Fact]
    public void Expand_When_KeepsOnlyObjectsWhoseConditionIsTrue()
    {
        var result = Expand(
            """{"b":[{"$when":"${show}","t":1},{"$when":"${!show}","t":2},{"$data":"${xs}","$when":"${on}","t":"${n}"}]}""",
            """{"show":true,"xs":[{"n":"a","on":true},{"n":"b","on":false},{"n":"c"}]}""");

        AssertJson("""{"b":[{"t":1},{"t":"a"}]}""", result);
    }

    [Fact]
    public void Expand_Functions_IfCountJoinEmptyEquals()
    {
        var result = Expand(
            """{"a":"${if(filled, 'yes', 'no')}","b":"${count(xs)}","c":"${join(xs, ', ')}","d":"${empty(none)}","e":"${equals(s, 'x') && !empty(xs)}"}""",
            """{"filled":false,"xs":["p","q"],"none":[],"s":"x"}""");

        AssertJson("""{"a":"no","b":2,"c":"p, q","d":true,"e":true}""", result);
    }

    [Fact]
    public void Expand_InjectionAttemptInData_StaysOneStringValue()
    {
        const string title = "\"}]},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}]}";
        var data = new JsonObject { ["title"] = title };

        var result = CardTemplate.Parse("""{"body":[{"type":"TextBlock","text":"${title}"},{"type":"TextBlock","text":"Title: ${title}"}]}""").Expand(data)!;

        var body = result["body"]!.AsArray();
        Assert.Equal(2, body.Count);
        Assert.All(body, e => Assert.Equal("TextBlock", (string?)e!["type"]));
        Assert.Equal(title, (string?)body[0]!["text"]);
        Assert.Equal("Title: " + title, (string?)body[1]!["text"]);
        var reparsed = JsonNode.Parse(result.ToJsonString())!;
        Assert.Equal(2, reparsed["body"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(result, reparsed));
    }

    [Fact]
    public void Expand_TemplateSyntaxInData_IsNotEvaluated()
    {
        var result = Expand("""{"t":"${title}"}""", """{"title":"${$root.secret} {{DATE(2026-01-01T00:00:00Z)}}","secret":"s3cret"}""");

        AssertJson("""{"t":"${$root.secret} {{DATE(2026-01-01T00:00:00Z)}}"}""", result);
    }

    [Fact]
    public void Expand_SameTemplateTwice_DoesNotShareOutputNodes()
    {
        var template = CardTemplate.Parse("""{"o":"${o}"}""");
        var data = JsonNode.Parse("""{"o":{"x":1}}""");

        var first = template.Expand(data)!;
        first["o"]!["x"] = 2;
        var second = template.Expand(data)!;

        Assert.Equal(1, (int)second["o"]!["x"]!);
    }

    [Theory]
    [InlineData("""{"t":"${nope(x)}"}""")]
    [InlineData("""{"t":"${count(x, y)}"}""")]
    [InlineData("""{"t":"${x"}""")]
    [InlineData("""{"t":"`${x}`"}""")]
    [InlineData("""{"t":"${x + 1}"}""")]
    [InlineData("""{"t":"${xs[0]}"}""")]
    [InlineData("""{"t": """)]
    public void Parse_UnsupportedOrBrokenTemplate_ThrowsCardTemplateException(string template)
    {
        Assert.Throws<CardTemplateException>(() => CardTemplate.Parse(template));
    }

    [Fact]
    public void Expand_NullInsideText_ThrowsLikeTheOfficialEngine()
    {
        var template = CardTemplate.Parse("""{"t":"by ${name}"}""");

        Assert.Throws<CardTemplateException>(() => template.Expand(JsonNode.Parse("""{"name":null}""")));
    }
}
