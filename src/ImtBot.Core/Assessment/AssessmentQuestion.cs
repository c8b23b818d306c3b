namespace ImtBot.Core.Assessment;

/// <summary>
/// One question the declare form asks (<c>Incidents:Assessment:Questions</c>): an id used in typed answers
/// (<c>data=yes</c>) and in the severity matrix, the question as shown, and the answers one may pick.
/// </summary>
public sealed class AssessmentQuestion
{
    /// <summary>One lower-case word (<c>customers</c>): typed as <c>customers=many</c> after <c>declare</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The question as the form shows it.</summary>
    public string Text { get; set; } = "";

    /// <summary>The answers one may pick, each one lower-case word; none configured means <see cref="YesNo"/>.</summary>
    /// <value>The default is yes, no, unknown.</value>
    public List<string> Answers { get; set; } = [];

    /// <summary>The answers of a question that lists none.</summary>
    public static IReadOnlyList<string> YesNo { get; } = ["yes", "no", "unknown"];

    /// <summary>The answers the form offers: <see cref="Answers"/>, or <see cref="YesNo"/> when none are configured.</summary>
    public IReadOnlyList<string> Choices => Answers.Count > 0 ? Answers : YesNo;
}
