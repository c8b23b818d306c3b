namespace ImtBot.Cards;

/// <summary>The template names: <c>cards/{teams|slack}/{name}.json</c>.</summary>
public static class CardNames
{
    public const string Incident = "incident";
    public const string Page = "page";
    public const string Update = "update";
    public const string Review = "review";
    public const string Reminder = "reminder";
    public const string Declare = "declare";
    public const string Checklist = "checklist";

    /// <summary>The review form as a Slack modal; Teams and the console show it inside the review card (no Teams template).</summary>
    public const string ReviewForm = "review-form";

    public static IReadOnlyList<string> All { get; } = [Incident, Page, Update, Review, Reminder, Declare, Checklist];
}
