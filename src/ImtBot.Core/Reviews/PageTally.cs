using System.Globalization;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Reviews;

/// <summary>
/// How the pages of an incident ended, counted one way for the review card and <c>review.md</c>:
/// <c>3 sent: 1 acknowledged, 1 declined, 1 expired</c>. A decline is an answer, not a failure; only an expired page
/// went unanswered.
/// </summary>
public sealed record PageTally(int Sent, int Acknowledged, int Declined, int Expired, int Waiting)
{
    public static PageTally Of(IEnumerable<PageStatus> outcomes)
    {
        var list = outcomes.ToList();
        return new PageTally(list.Count, list.Count(s => s == PageStatus.Acknowledged), list.Count(s => s == PageStatus.Declined),
            list.Count(s => s == PageStatus.Expired), list.Count(s => s == PageStatus.Paged));
    }

    public override string ToString() => Sent == 0
        ? "none sent"
        : $"{N(Sent)} sent: {N(Acknowledged)} acknowledged, {N(Declined)} declined, {N(Expired)} expired" + (Waiting > 0 ? $", {N(Waiting)} waiting" : "");

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
