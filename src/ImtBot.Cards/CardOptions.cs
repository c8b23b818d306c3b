namespace ImtBot.Cards;

/// <summary>The <c>Cards</c> configuration section.</summary>
public sealed class CardOptions
{
    public const string SectionName = "Cards";

    /// <summary>
    /// A folder with an organisation's own templates (<c>teams/*.json</c>, <c>slack/*.json</c>); a template it lacks is
    /// taken from the built-in <c>cards/</c> folder beside the application.
    /// <value>The default value is empty: only the built-in templates.</value>
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>The built-in templates: <c>cards/</c> beside the application.</summary>
    public static string BuiltInPath => System.IO.Path.Combine(AppContext.BaseDirectory, "cards");

    /// <summary>The problems with these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(Path) && !Directory.Exists(Path))
        {
            problems.Add($"Cards:Path '{Path}' is not a folder");
        }

        return problems;
    }
}
