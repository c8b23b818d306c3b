namespace ImtBot.Core.Paging;

/// <summary>
/// The review-meeting reminder: at close, an incident whose peak severity requires a review and sets
/// <c>Incidents:Policies:SEV&lt;n&gt;:ReviewWithin</c> schedules timer <c>review-meeting</c> that long after the close;
/// when it fires and the review still has empty sections, the commander is reminded once (reminder name <c>review</c>).
/// </summary>
public static class ReviewReminder
{
    public const string TimerKey = "review-meeting";

    public const string Name = "review";
}
