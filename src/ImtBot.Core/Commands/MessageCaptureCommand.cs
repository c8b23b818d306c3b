using ImtBot.Core.Platforms;

namespace ImtBot.Core.Commands;

/// <summary>
/// A chat message added to the timeline (Slack <c>pushpin</c> reaction; <see cref="Change"/> <c>pinned</c>) at its own
/// time, or a later <c>edited</c> / <c>deleted</c> of a captured message (recorded as new events). Never typed.
/// Adapters send every change they see with <see cref="Command.Incident"/> left null: the service finds the incident by
/// the origin channel and decides whether the message concerns it (an edit of a message never captured, or a change
/// outside an incident channel, is a quiet no-op that commits nothing).
/// </summary>
public sealed record MessageCaptureCommand(string Platform, string MessageId, UserRef Author, DateTimeOffset PostedAt, string Text, string Change) : Command;
