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

    /// <summary>
    /// Adds Teams' people search (<c>Input.ChoiceSet</c> with <c>choices.data</c> <c>Data.Query</c> over
    /// <c>graph.microsoft.com/users</c>) to the role-assignment card. Teams honours it in 1.5 cards, but the official 1.5
    /// SDK and schema call it a 1.6 property, so cardcheck cannot vouch for it.
    /// </summary>
    /// <value>The default is false: the card offers the incident's participants and on-call people.</value>
    public bool TeamsDirectorySearch { get; set; }

    /// <summary>The built-in templates: <c>cards/</c> beside the application.</summary>
    public static string BuiltInPath => System.IO.Path.Combine(AppContext.BaseDirectory, "cards");
}
