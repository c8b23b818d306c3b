using ImtBot.Core.Events;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

public sealed partial class IncidentState
{
    /// <summary>Rebuilds an incident from its events, in order.</summary>
    public static IncidentState Replay(IEnumerable<IncidentEvent> events)
    {
        var state = new IncidentState();
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state;
    }

    /// <summary>Folds one event into the state. Every event type changes something; none is ignored.</summary>
    public void Apply(IncidentEvent e)
    {
        Number = e.Incident;
        Version = e.Sequence;
        Head = e.Hash;
        switch (e.Data)
        {
            case IncidentDeclared d:
                ApplyDeclared(e, d);
                break;
            case SeverityChanged d:
                Severity = d.To;
                Policy = d.Policy;
                break;
            case StatusChanged d:
                ApplyStatus(e, d);
                break;
            case RoleAssigned d:
                HoldersByRole[d.Role] = new RoleHolder(d.Role, d.User, e.At);
                if (string.Equals(d.Role, Lead, StringComparison.OrdinalIgnoreCase))
                {
                    AcknowledgedAt ??= e.At;
                }

                break;
            case RoleReleased d:
                if (HoldersByRole.TryGetValue(d.Role, out var holder) && holder.User.Equals(d.User))
                {
                    HoldersByRole.Remove(d.Role);
                    VacantSince[d.Role] = e.At;
                    ReminderCount.Remove(ReminderNames.ForRole(this, d.Role));
                }

                break;
            case PageSent d:
                ApplyPageSent(e, d);
                break;
            case PageAcknowledged d:
                AnswerPage(d.PageId, PageStatus.Acknowledged, e.At);
                AcknowledgedAt ??= e.At;
                break;
            case PageDeclined d:
                AnswerPage(d.PageId, PageStatus.Declined, e.At);
                break;
            case PageExpired d:
                AnswerPage(d.PageId, PageStatus.Expired, e.At);
                break;
            case UpdatePosted d:
                UpdateList.Add(new StatusUpdate(e.At, e.Actor, d.Text));
                LastUpdateAt = e.At;
                ReminderCount.Remove(ReminderNames.Update);
                break;
            case NoteAdded d:
                NoteList.Add(new Note(e.At, e.Actor, d.Text));
                break;
            case ActionAdded d:
                ActionList.Add(new ActionItem(d.ActionId, d.Text, d.Owner, d.Due, e.At, e.Actor, false, null));
                break;
            case ActionCompleted d:
                var i = ActionList.FindIndex(a => a.Id == d.ActionId);
                if (i >= 0)
                {
                    ActionList[i] = ActionList[i] with { Done = true, DoneAt = e.At };
                }

                break;
            case HandoverRequested d:
                UnlinkedHandover = d;
                break;
            case ParticipantJoined d:
                if (!ParticipantList.Contains(d.User))
                {
                    ParticipantList.Add(d.User);
                }

                break;
            case ReminderSent d:
                ReminderLastSent[d.Reminder] = e.At;
                ReminderCount[d.Reminder] = ReminderCount.GetValueOrDefault(d.Reminder) + 1;
                break;
            case ReminderSnoozed d:
                SnoozedUntil[d.Reminder] = d.Until;
                break;
            case MessageCaptured d:
                CapturedMessages[d.Platform + ":" + d.MessageId] = d.Text;
                break;
            case MessageEdited d:
                CapturedMessages[d.Platform + ":" + d.MessageId] = d.Text;
                break;
            case MessageDeleted d:
                CapturedMessages.Remove(d.Platform + ":" + d.MessageId);
                break;
            case OnCallListSet d:
                OnCallByRole[d.Role] = d.Users;
                break;
        }
    }

    private void ApplyDeclared(IncidentEvent e, IncidentDeclared d)
    {
        Title = d.Title;
        Severity = d.Severity;
        Kind = d.Kind;
        Origin = d.Origin;
        Policy = d.Policy;
        RoleNames = d.Roles;
        KeyRoles = d.KeyRoles;
        Admins = d.Admins;
        Scenario = d.Scenario;
        PageRounds = d.PageRounds ?? 2;
        DeclaredBy = e.Actor;
        DeclaredAt = e.At;
        Status = IncidentStatus.Declared;
        foreach (var role in d.Roles)
        {
            VacantSince[role] = e.At;
        }
    }

    private void ApplyStatus(IncidentEvent e, StatusChanged d)
    {
        Status = d.To;
        switch (d.To)
        {
            case IncidentStatus.Mitigated:
                MitigatedAt ??= e.At;
                break;
            case IncidentStatus.Resolved:
                ResolvedAt = e.At;
                break;
            case IncidentStatus.Closed:
                ClosedAt = e.At;
                break;
            case IncidentStatus.Investigating when d.From == IncidentStatus.Resolved:
                ResolvedAt = null;
                break;
        }
    }

    private void ApplyPageSent(IncidentEvent e, PageSent d)
    {
        PageList.Add(new Page(d.PageId, d.To, d.Role, d.Message, e.At, d.Deadline, d.Round, PageStatus.Paged, null));
        if (d.Purpose is not null)
        {
            PurposeByPage[d.PageId] = d.Purpose;
        }

        if (d.Purpose == PagePurposes.Handover && UnlinkedHandover is not null)
        {
            HandoverByPage[d.PageId] = UnlinkedHandover;
            UnlinkedHandover = null;
        }
    }

    private void AnswerPage(string pageId, PageStatus status, DateTimeOffset at)
    {
        var i = PageList.FindIndex(p => p.Id == pageId);
        if (i >= 0 && PageList[i].Status == PageStatus.Paged)
        {
            PageList[i] = PageList[i] with { Status = status, AnsweredAt = at };
        }
    }
}
