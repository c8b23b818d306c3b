using System.Text.RegularExpressions;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Formatting;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Platform;

public sealed partial class SlackPlatform
{
    private const int MaxSuffix = 20;

    private async Task<EffectOutcome> OpenChannelAsync(EffectContext context, CancellationToken ct)
    {
        if (Link(context, ChannelLink) is { } known)
        {
            return EffectOutcome.Done(new Dictionary<string, string> { [ChannelLink] = known });
        }

        var incident = context.Incident;
        SlackChannel? channel = null;
        for (var suffix = 1; suffix <= MaxSuffix && channel is null; suffix++)
        {
            var name = ChannelName.For(incident.Number, incident.Title, suffix, incident.Kind == ImtBot.Core.Incidents.IncidentKind.Drill);
            try
            {
                channel = await api.Conversations.CreateAsync(name, ct, incident.Private).ConfigureAwait(false);
                LogStep(logger, context.StepKey, "created #" + name);
            }
            catch (SlackApiException e) when (e.Error == "name_taken")
            {
                var existing = await api.Conversations.FindByNameAsync(name, ct).ConfigureAwait(false);
                if (existing is { IsArchived: false } && await IsOursAsync(existing, context, ct).ConfigureAwait(false))
                {
                    channel = existing;
                    LogStep(logger, context.StepKey, "adopted #" + name);
                }
            }
        }

        if (channel is null)
        {
            return EffectOutcome.Failed($"no free channel name for {incident.Key} after {MaxSuffix} tries");
        }

        if (!HasTag(channel.Purpose, incident.Key))
        {
            await api.Conversations.SetPurposeAsync(channel.Id, Purpose(context), ct).ConfigureAwait(false);
        }

        var topic = await SyncTopicAsync(channel.Id, context, channel.Topic, ct).ConfigureAwait(false);
        if (incident.DeclaredBy.Platform == PlatformNames.Slack)
        {
            await InviteOneAsync(channel.Id, incident.DeclaredBy.Id, context, ct).ConfigureAwait(false);
        }

        return EffectOutcome.Done(new Dictionary<string, string> { [ChannelLink] = channel.Id, [TopicLink] = topic });
    }

    /// <summary>Ours when its purpose carries the tag; or, when retrying, an untagged channel the bot itself created (the first attempt died before setPurpose).</summary>
    private async Task<bool> IsOursAsync(SlackChannel channel, EffectContext context, CancellationToken ct)
    {
        if (HasTag(channel.Purpose, context.Incident.Key))
        {
            return true;
        }

        return context.Attempt > 1 && channel.Purpose.Length == 0 && channel.Creator is not null
            && channel.Creator == await api.BotUserIdAsync(ct).ConfigureAwait(false);
    }

    /// <summary><c>ImtBot INC-7</c> not followed by another digit (INC-7 is not INC-70).</summary>
    public static bool HasTag(string purpose, string key) =>
        Regex.IsMatch(purpose, "(^|\\W)ImtBot " + Regex.Escape(key) + "(?!\\d)", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Purpose(EffectContext context) =>
        SlackText.Truncate("ImtBot " + context.Incident.Key + ": " + SlackText.Escape(context.Incident.Title), 250);

    /// <summary>
    /// <c>SEV1 · Investigating · IC &lt;@U1&gt;</c>, set only when it differs (each change posts a channel notice).
    /// <paramref name="current"/> is the topic as last read or set (the <see cref="TopicLink"/>); only when it is
    /// unknown is the channel looked up. Returns the topic the channel now has.
    /// </summary>
    private async Task<string> SyncTopicAsync(string channel, EffectContext context, string? current, CancellationToken ct)
    {
        var topic = Topic(context);
        current ??= (await api.Conversations.InfoAsync(channel, ct).ConfigureAwait(false)).Topic;
        if (!string.Equals(current, topic, StringComparison.Ordinal))
        {
            await api.Conversations.SetTopicAsync(channel, topic, ct).ConfigureAwait(false);
        }

        return topic;
    }

    public static string Topic(EffectContext context)
    {
        var incident = context.Incident;
        var commander = incident.Commander switch
        {
            null => "no commander yet",
            { Platform: PlatformNames.Slack } c => "IC <@" + c.Id + ">",
            var c => "IC " + SlackText.Escape(c.DisplayName),
        };
        return SlackText.Truncate($"SEV{incident.Severity} · {incident.Status} · {commander}", 250);
    }

    private async Task<EffectOutcome> InviteAsync(EffectContext context, IReadOnlyList<UserRef> users, CancellationToken ct)
    {
        if (Link(context, ChannelLink) is not { } channel)
        {
            return ChannelNotOpen();
        }

        foreach (var user in users.Where(u => u.Platform == PlatformNames.Slack).Distinct())
        {
            await InviteOneAsync(channel, user.Id, context, ct).ConfigureAwait(false);
        }

        return EffectOutcome.Done();
    }

    /// <summary>Invites one person; already there, the bot itself, or an unknown user is not a failure of the step.</summary>
    private async Task InviteOneAsync(string channel, string user, EffectContext context, CancellationToken ct)
    {
        try
        {
            await api.Conversations.InviteAsync(channel, user, ct).ConfigureAwait(false);
        }
        catch (SlackApiException e) when (e.Error is "already_in_channel" or "cant_invite_self" or "user_not_found" or "user_is_bot" or "cant_invite")
        {
            LogStep(logger, context.StepKey, $"invite {user}: {e.Error}");
        }
    }

    private async Task<EffectOutcome> ArchiveAsync(EffectContext context, Core.Effects.ArchiveChannel archive, CancellationToken ct)
    {
        if (Link(context, ChannelLink) is not { } channel || !context.Incident.IsFinal)
        {
            return EffectOutcome.Done(); // no channel, or reopened: nothing to archive
        }

        var closedAt = context.Incident.ClosedAt ?? archive.At;
        var due = closedAt + options.Value.ArchiveAfter > archive.At ? closedAt + options.Value.ArchiveAfter : archive.At;
        if (time.GetUtcNow() < due)
        {
            return EffectOutcome.NotYet("not due yet", due - time.GetUtcNow());
        }

        try
        {
            await api.Conversations.ArchiveAsync(channel, ct).ConfigureAwait(false);
        }
        catch (SlackApiException e) when (e.Error == "already_archived")
        {
        }

        return EffectOutcome.Done();
    }
}
