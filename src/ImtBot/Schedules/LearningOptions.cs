namespace ImtBot.Schedules;

/// <summary>The <c>Learning</c> section: the weekly digest of open and overdue follow-up actions.</summary>
public sealed class LearningOptions
{
    public const string SectionName = "Learning";

    /// <summary>
    /// When the digest goes to the announcements channel: <c>&lt;day&gt; &lt;HH:mm&gt; [&lt;IANA time zone&gt;]</c>, weekly
    /// (<c>first</c> in front: monthly). Empty turns the digest off.
    /// </summary>
    /// <value>The default is <c>Monday 09:00 UTC</c>, ahead of a weekly incident review.</value>
    public string DigestAt { get; set; } = "Monday 09:00 UTC";
}
