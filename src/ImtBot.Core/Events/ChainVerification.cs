namespace ImtBot.Core.Events;

/// <summary>
/// The result of verifying an incident's chain. <see cref="BrokenAt"/> is the first sequence whose link does not
/// hold (changed, removed, inserted or reordered event), with a sentence saying what is wrong.
/// </summary>
public sealed record ChainVerification(bool Valid, int Events, string Head, long? BrokenAt, string? Problem);
