using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Cards.Gallery;
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
        File.WriteAllText(Path.Combine(orgDir, "teams", "review.json"), """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Our review: ${intro}"}]}""");
        var renderer = new CardRenderer(orgDir, RepoPaths.Cards);

        var review = renderer.Render(PlatformNames.Teams, CardNames.Review, new { Intro = "hi" });
        var slack = renderer.Render(PlatformNames.Slack, CardNames.Review, ImtBot.Cards.Models.ReviewCardModel.From(SampleIncidents.Closed(PlatformNames.Slack), CardText.Slack));

        Assert.Equal("Our review: hi", (string?)review["body"]![0]!["text"]);
        Assert.NotNull(slack["blocks"]);
    }

    [Fact]
    public void Render_Console_UsesTheTeamsTemplates()
    {
        var renderer = new CardRenderer(RepoPaths.Cards);

        Assert.Equal(renderer.FindFile(PlatformNames.Teams, CardNames.Review), renderer.FindFile(PlatformNames.Console, CardNames.Review));
    }

    [Theory]
    [InlineData("nosuchcard")]
    [InlineData("../teams/review")]
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
