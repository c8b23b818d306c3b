namespace ImtBot.Core.Events;

/// <summary>
/// An org-wide setting changed: <paramref name="Key"/> names it and <paramref name="Summary"/> says what it is now in
/// words fit for the audit (never a secret's value).
/// </summary>
public sealed record SettingChanged(string Key, string Summary) : EventData;
