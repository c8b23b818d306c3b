namespace ImtBot.Core.Reviews;

/// <summary>One row of the metrics: a severity (null for all severities together), its incident count and the three times.</summary>
public sealed record SeverityMetrics(int? Severity, int Incidents, DurationStats Acknowledge, DurationStats Mitigate, DurationStats Resolve);
