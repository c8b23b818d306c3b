using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Cards.Gallery;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

public sealed class CardGalleryTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "imtbot-cards-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void RenderAll_RepositoryCards_WritesTheTriplesCheckShExpects()
    {
        var written = CardGallery.RenderAll(RepoPaths.Cards, outDir);

        foreach (var platform in new[] { PlatformNames.Teams, PlatformNames.Slack })
        {
            var dir = Path.Combine(outDir, platform);
            var cards = Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith(".template.json", StringComparison.Ordinal) && !f.EndsWith(".data.json", StringComparison.Ordinal)).ToList();
            Assert.Equal(CardGallery.Samples(platform).Count(), cards.Count);
            foreach (var card in cards)
            {
                var name = Path.GetFileNameWithoutExtension(card);
                Assert.True(File.Exists(Path.Combine(dir, name + ".template.json")), name);
                Assert.True(File.Exists(Path.Combine(dir, name + ".data.json")), name);
                Assert.NotNull(JsonNode.Parse(File.ReadAllText(card)));
            }

            foreach (var template in CardNames.All)
            {
                Assert.Contains(cards, c => Path.GetFileName(c).StartsWith(template, StringComparison.Ordinal));
            }
        }

        Assert.Equal(written.Count, CardGallery.Samples(PlatformNames.Teams).Count() + CardGallery.Samples(PlatformNames.Slack).Count());
    }

    [Fact]
    public void RenderAll_BoundCards_EqualWhatTheRendererGivesForTheirData()
    {
        CardGallery.RenderAll(RepoPaths.Cards, outDir);
        var renderer = new CardRenderer(RepoPaths.Cards);

        foreach (var platform in new[] { PlatformNames.Teams, PlatformNames.Slack })
        {
            foreach (var (name, template, _) in CardGallery.Samples(platform))
            {
                var dir = Path.Combine(outDir, platform);
                var data = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name + ".data.json")));
                var expected = renderer.Template(platform, template).Expand(data);
                Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name + ".json")))), name);
            }
        }
    }

    [Fact]
    public void RenderAll_Twice_WritesTheSameBytes()
    {
        CardGallery.RenderAll(RepoPaths.Cards, Path.Combine(outDir, "a"));
        CardGallery.RenderAll(RepoPaths.Cards, Path.Combine(outDir, "b"));

        var first = Directory.GetFiles(Path.Combine(outDir, "a"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(first);
        foreach (var file in first)
        {
            var twin = file.Replace(Path.Combine(outDir, "a"), Path.Combine(outDir, "b"), StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(twin));
        }
    }
}
