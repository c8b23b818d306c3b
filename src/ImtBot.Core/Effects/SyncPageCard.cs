namespace ImtBot.Core.Effects;

/// <summary>
/// Edit the page card sent for <see cref="PageId"/> in place so it shows what became of the page (acknowledged,
/// declined, expired and who was paged next) and loses its buttons. A page whose message the platform never learned
/// is skipped.
/// </summary>
public sealed record SyncPageCard(string PageId) : Effect;
