namespace ImtBot.Cards;

/// <summary>The <c>Cards</c> configuration section.</summary>
public sealed class CardOptions
{
    public const string SectionName = "Cards";

    /// <summary>
    /// A folder with an organisation's own templates (<c>teams/*.json</c>, <c>slack/*.json</c>); a template it lacks is
    /// taken from the built-in <c>cards/</c> folder beside the application.
    /// </summary>
    /// <value>The default is empty: only the built-in templates.</value>
    public string Path { get; set; } = "";

    /// <summary>The built-in templates: <c>cards/</c> beside the application.</summary>
    public static string BuiltInPath => System.IO.Path.Combine(AppContext.BaseDirectory, "cards");
}
