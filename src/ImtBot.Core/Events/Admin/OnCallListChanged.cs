using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>Someone set the org-wide on-call list of a role (<c>oncall &lt;role&gt; @a @b</c>): the list before and after, in paging order.</summary>
public sealed record OnCallListChanged(string Role, IReadOnlyList<UserRef> Previous, IReadOnlyList<UserRef> Users) : EventData;
