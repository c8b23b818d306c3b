using ImtBot.Core.Ports;
using ImtBot.Security;

namespace ImtBot.ConsoleChat;

/// <summary>
/// Which console channels (and so their messages, read markers and live pushes) one person may see: a direct channel
/// only its owner; a private incident's channel only its participants and admins, by the same rule as the incidents
/// API (<see cref="IncidentVisibility"/>), read from the incident as it is now, so someone paged or invited later sees
/// it from then on. Everything else everyone sees.
/// </summary>
public sealed class ConsoleVisibility(ConsoleChatService chat, IIncidentReader incidents)
{
    public bool CanSee(ConsoleViewer viewer, ConsoleChannel channel) =>
        ConsoleChatService.CanSee(viewer.Id, channel)
        && (channel.Incident is not { } number || incidents.Get(number) is not { } incident || IncidentVisibility.CanSee(viewer.Id, viewer.Admin, incident));

    /// <summary>A message is visible when its channel is and it is not someone else's ephemeral reply.</summary>
    public bool CanSee(ConsoleViewer viewer, ConsoleMessage message) =>
        (message.VisibleTo is null || message.VisibleTo == viewer.Id) && chat.FindChannel(message.ChannelId) is { } channel && CanSee(viewer, channel);

    /// <summary>A live change for an open page: one of a channel the viewer may not see is not sent.</summary>
    public bool CanSee(ConsoleViewer viewer, ConsoleEvent e) =>
        e.Channel is null || chat.FindChannel(e.Channel) is not { } channel || CanSee(viewer, channel);

    public IReadOnlyList<ConsoleChannel> ChannelsFor(ConsoleViewer viewer) => chat.ChannelsFor(viewer.Id).Where(c => CanSee(viewer, c)).ToList();

    /// <summary>Whether the channel is a private incident's (the sidebar shows a lock for it).</summary>
    public bool IsPrivate(ConsoleChannel channel) => channel.Incident is { } number && incidents.Get(number) is { Private: true };
}

/// <summary>The person a console request is for, and whether they are an admin (signed in with the admin role).</summary>
public sealed record ConsoleViewer(string Id, bool Admin);
