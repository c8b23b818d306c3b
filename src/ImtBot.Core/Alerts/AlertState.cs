namespace ImtBot.Core.Alerts;

/// <summary>Whether monitoring says an alert is still going on.</summary>
public enum AlertState
{
    Firing,
    Resolved,
}
