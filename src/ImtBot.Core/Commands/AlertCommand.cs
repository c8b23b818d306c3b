using ImtBot.Core.Alerts;

namespace ImtBot.Core.Commands;

/// <summary>
/// An alert from monitoring (never typed). With <see cref="Declare"/> set and no incident it declares one and pages
/// (the severity's roles, else <see cref="PageRole"/>; with <see cref="PageOnly"/> always <see cref="PageRole"/>);
/// with an incident it fires, repeats or resolves the alert there.
/// </summary>
public sealed record AlertCommand(Alert Alert, DeclareAction? Declare = null, string? PageRole = null, bool PageOnly = false) : Command;
