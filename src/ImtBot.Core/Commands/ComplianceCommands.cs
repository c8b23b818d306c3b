namespace ImtBot.Core.Commands;

/// <summary>The compliance commands: decided even on a closed incident, since regulatory deadlines outlive it.</summary>
public abstract record ComplianceCommand : Command;

/// <summary><c>regulated &lt;regime&gt; [aware &lt;time&gt;] [reason]</c>: the regime applies; its clocks start (awareness now, or the time given).</summary>
public sealed record RegulatedCommand(string Regime, DateTimeOffset? AwareAt, string? Reason) : ComplianceCommand;

/// <summary><c>notregulated &lt;regime&gt; &lt;reason&gt;</c>: the regime does not apply, and why.</summary>
public sealed record NotRegulatedCommand(string Regime, string Reason) : ComplianceCommand;

/// <summary><c>classified major [reason]</c>.</summary>
public sealed record ClassifiedCommand(string? Reason) : ComplianceCommand;

/// <summary><c>material [reason]</c>.</summary>
public sealed record MaterialCommand(string? Reason) : ComplianceCommand;

/// <summary><c>notified &lt;regime&gt; &lt;stage&gt; &lt;reference&gt; [note]</c>.</summary>
public sealed record NotifiedCommand(string Regime, string Stage, string Reference, string? Note) : ComplianceCommand;

/// <summary><c>compliance</c>: every regime's clocks.</summary>
public sealed record ComplianceClocksCommand : ComplianceCommand;
