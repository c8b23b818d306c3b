using ImtBot.Core.Platforms;

namespace ImtBot.Core.Ports;

/// <summary>What people are told about delivery to a platform that is not answering (docs/reliability.md §Outages).</summary>
public static class DeliveryNotices
{
    private const string UpdatePosted = "Update posted";
    private const string ReviewPosted = "its review is posted";

    /// <summary>The platform's name as people know it.</summary>
    public static string Display(string platform) => platform switch
    {
        PlatformNames.Slack => "Slack",
        PlatformNames.Teams => "Teams",
        PlatformNames.Console => "the console",
        _ => platform,
    };

    /// <summary>A command's reply reworded for effects that are only queued: nothing is said to have happened.</summary>
    public static string Queued(string reply, string platform)
    {
        var name = Display(platform);
        if (reply.StartsWith(UpdatePosted, StringComparison.Ordinal))
        {
            return $"Update queued: {name} is not answering; it will be posted when {name} recovers.";
        }

        if (reply.Contains(ReviewPosted, StringComparison.Ordinal))
        {
            reply = reply.Replace(ReviewPosted, "its review will be posted", StringComparison.Ordinal);
        }

        return $"{reply} {name} is not answering right now: the messages are queued and will be delivered, in order, when {name} recovers.";
    }

    public static string Failing(string incidentKey, string platform, DateTimeOffset since, DateTimeOffset now)
    {
        var name = Display(platform);
        var minutes = Math.Max(1, (int)(now - since).TotalMinutes);
        return $"{name} has not answered ImtBot for {minutes} minutes (since {since:HH:mm} UTC). Nothing is lost: what {incidentKey} still has to post is queued and will be delivered, in order, when {name} recovers.";
    }

    public static string Recovered(string incidentKey, string platform) =>
        $"{Display(platform)} is answering again: what {incidentKey} had queued is being delivered now.";
}
