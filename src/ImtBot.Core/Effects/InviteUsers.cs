using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>Invite people to the incident channel.</summary>
public sealed record InviteUsers(IReadOnlyList<UserRef> Users) : Effect;
