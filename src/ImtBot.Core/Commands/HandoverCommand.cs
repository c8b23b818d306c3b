namespace ImtBot.Core.Commands;

/// <summary><c>handover &lt;@user&gt; &lt;summary&gt; [release]</c>.</summary>
public sealed record HandoverCommand(UserArg To, string Summary, bool Release) : Command;
