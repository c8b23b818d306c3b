namespace ImtBot.Core.Commands;

/// <summary><c>task done &lt;n&gt; [note]</c>.</summary>
public sealed record TaskDoneCommand(int Number, string? Note) : Command;

/// <summary><c>task skip &lt;n&gt; &lt;reason&gt;</c>.</summary>
public sealed record TaskSkipCommand(int Number, string Reason) : Command;

/// <summary><c>task assign &lt;n&gt; &lt;@user|me&gt;</c>.</summary>
public sealed record TaskAssignCommand(int Number, UserArg User) : Command;

/// <summary><c>task add &lt;text&gt; [@owner] [due &lt;duration&gt;]</c>; the due time counts from now.</summary>
public sealed record TaskAddCommand(string Text, UserArg? Owner, int? DueMinutes) : Command;

/// <summary><c>task override &lt;reason&gt;</c>: the commander or an admin lets the open required tasks stop blocking.</summary>
public sealed record TaskOverrideCommand(string Reason) : Command;
