namespace ImtBot.Core.Alerts.Pages;

/// <summary>
/// Where an alert page stands: <c>Paging</c> (someone has a page open, or escalation is between pages), <c>Acknowledged</c>,
/// <c>Unanswered</c> (every round of the on-call list passed without an acknowledgement), <c>Resolved</c> (the alert
/// resolved) or <c>Declared</c> (an incident was declared from it and carries the alert from then on).
/// </summary>
public enum AlertPageState
{
    Paging,
    Acknowledged,
    Unanswered,
    Resolved,
    Declared,
}
