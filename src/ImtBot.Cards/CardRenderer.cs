using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Cards.Templating;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Cards;

/// <summary>
/// Loads <c>{folder}/{platform}/{name}.json</c> templates (the organisation's folder first, then the built-in one),
/// parses each once, and binds it to a view model serialized with camelCase names.
/// </summary>
public sealed class CardRenderer : ICardRenderer
{
    /// <summary>How view models become template data: camelCase names, as the templates expect.</summary>
    public static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web);

    private readonly IReadOnlyList<string> folders;
    private readonly ConcurrentDictionary<string, CardTemplate> cache = new(StringComparer.Ordinal);

    /// <param name="folders">Template folders in search order; each holds <c>teams/</c> and <c>slack/</c>.</param>
    public CardRenderer(params IReadOnlyList<string> folders)
    {
        if (folders.Count == 0)
        {
            throw new ArgumentException("at least one template folder is needed", nameof(folders));
        }

        this.folders = folders;
    }

    /// <summary><see cref="CardOptions.Path"/> (when set) before <see cref="CardOptions.BuiltInPath"/>.</summary>
    public CardRenderer(CardOptions options)
        : this(string.IsNullOrWhiteSpace(options.Path) ? [CardOptions.BuiltInPath] : [System.IO.Path.GetFullPath(options.Path), CardOptions.BuiltInPath])
    {
    }

    public JsonNode Render(string platform, string name, object model)
    {
        var data = JsonSerializer.SerializeToNode(model, model.GetType(), ModelJson);
        return Template(platform, name).Expand(data) ?? throw new CardTemplateException($"the template {platform}/{name} produced nothing");
    }

    /// <summary>The parsed template (cached).</summary>
    /// <exception cref="CardTemplateException">No such template, or it does not parse.</exception>
    public CardTemplate Template(string platform, string name) => cache.GetOrAdd(Key(platform, name), _ => CardTemplate.Parse(File.ReadAllText(FindFile(platform, name))));

    /// <summary>The file a template loads from.</summary>
    public string FindFile(string platform, string name)
    {
        if (!IsSafeName(name))
        {
            throw new CardTemplateException($"'{name}' is not a template name");
        }

        var folder = TemplateFolder(platform);
        foreach (var root in folders)
        {
            var file = System.IO.Path.Combine(root, folder, name + ".json");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new CardTemplateException($"no template {folder}/{name}.json in {string.Join(" or ", folders)}");
    }

    /// <summary>The console shows Teams cards (it renders them with the official Adaptive Cards renderer).</summary>
    public static string TemplateFolder(string platform) => platform switch
    {
        PlatformNames.Slack => PlatformNames.Slack,
        PlatformNames.Teams or PlatformNames.Console => PlatformNames.Teams,
        _ => throw new ArgumentException($"no cards for the platform '{platform}' (use teams or slack)", nameof(platform)),
    };

    private static string Key(string platform, string name) => TemplateFolder(platform) + "/" + name;

    private static bool IsSafeName(string name) => name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
