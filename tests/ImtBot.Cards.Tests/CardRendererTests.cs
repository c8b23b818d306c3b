using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Cards.Templating;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

public sealed class CardRendererTests : IDisposable
{
    private readonly string orgDir = Path.Combine(Path.GetTempPath(), "imtbot-org-cards-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(orgDir))
        {
            Directory.Delete(orgDir, recursive: true);
        }
    }

    [Fact]
    public void Render_OrganisationTemplate_WinsOverTheBuiltInOne()
    {
        Directory.CreateDirectory(Path.Combine(orgDir, "teams"));
        File.WriteAllText(Path.Combine(orgDir, "teams", "help.json"), """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Our help: ${intro}"}]}""");
        var renderer = new CardRenderer(orgDir, RepoPaths.Cards);

        var help = renderer.Render(PlatformNames.Teams, CardNames.Help, new { Intro = "hi" });
        var page = renderer.Render(PlatformNames.Slack, CardNames.Help, ImtBot.Cards.Models.HelpCardModel.From(CardText.Slack));

        Assert.Equal("Our help: hi", (string?)help["body"]![0]!["text"]);
        Assert.NotNull(page["blocks"]);
    }

    [Fact]
    public void Render_Console_UsesTheTeamsTemplates()
    {
        var renderer = new CardRenderer(RepoPaths.Cards);

        Assert.Equal(renderer.FindFile(PlatformNames.Teams, CardNames.Help), renderer.FindFile(PlatformNames.Console, CardNames.Help));
    }

    [Theory]
    [InlineData("nosuchcard")]
    [InlineData("../teams/help")]
    [InlineData("")]
    public void Render_UnknownOrUnsafeName_ThrowsCardTemplateException(string name)
    {
        var renderer = new CardRenderer(RepoPaths.Cards);

        Assert.Throws<CardTemplateException>(() => renderer.Render(PlatformNames.Teams, name, new { }));
    }

    [Fact]
    public void Render_ModelProperties_ArriveCamelCased()
    {
        Directory.CreateDirectory(Path.Combine(orgDir, "slack"));
        File.WriteAllText(Path.Combine(orgDir, "slack", "x.json"), """{"text":"${incidentKey}"}""");

        var card = new CardRenderer(orgDir).Render(PlatformNames.Slack, "x", new { IncidentKey = "INC-1" });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"text":"INC-1"}"""), card));
    }

    [Fact]
    public void Validate_MissingFolder_ReportsIt()
    {
        Assert.True(new CardOptionsValidator().Validate(null, new CardOptions()).Succeeded);
        Assert.Single(new CardOptionsValidator().Validate(null, new CardOptions { Path = orgDir }).Failures!);
    }
}
