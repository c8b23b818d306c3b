namespace ImtBot.Core.Commands;

/// <summary><c>oncall [&lt;role&gt; &lt;@user&gt;…]</c>: no role shows the lists; a role with users sets its list.</summary>
public sealed record OnCallCommand(string? Role, IReadOnlyList<UserArg> Users) : Command;
