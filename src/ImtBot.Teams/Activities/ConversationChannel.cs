namespace ImtBot.Teams.Activities;

/// <summary>
/// Which channel an activity came from, as the core names incident channels. A channel post's conversation id is its
/// thread, <c>19:…@thread.tacv2;messageid=…</c>. An incident channel Graph created is linked by the bare channel id, so
/// a thread anywhere in it names the channel; an incident that fell back to a thread is linked by the whole thread id,
/// and those threads are only ever started in the team's General channel (whose id is the team's id), so a thread
/// there names itself. Decided from the activity alone: the core looks the incident up once, by this channel.
/// </summary>
internal static class ConversationChannel
{
    public static string Of(Activity activity)
    {
        var conversation = activity.Conversation!.Id!;
        return IsGeneralThread(activity) ? conversation : conversation.Split(';', 2)[0];
    }

    /// <summary>A thread in the team's General channel: where an incident lives when Graph would not create its channel.</summary>
    public static bool IsGeneralThread(Activity activity)
    {
        var conversation = activity.Conversation?.Id;
        if (conversation is null || activity.ChannelData?.Team?.Id is not { Length: > 0 } team)
        {
            return false;
        }

        var parts = conversation.Split(';', 2);
        return parts.Length == 2 && string.Equals(parts[0], team, StringComparison.Ordinal);
    }
}
