using ImtBot.Core.Events;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

public sealed partial class Incident
{
    /// <summary>Rebuilds an incident from its events, in order.</summary>
    public static Incident Replay(IEnumerable<IncidentEvent> events)
    {
        var state = new Incident();
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state;
    }

    /// <summary>
    /// Folds one event into the state. Every event type changes something; none is ignored. This is the one fold of an
    /// incident's events: the milestones, intervals and timeline words the cards, the API and the review show come from here.
    /// </summary>
    public void Apply(IncidentEvent e)
    {
        _applied.Add(e);
        Sweep(e.At);
        Touch(e.Actor, e.At, authored: true);
        Fold(e);
        TrackDrill(e);
        Learn(e);
        Describe(e);
        TrackPrivacy(e);
        ApplyAssessment(e);
    }

    private void Fold(IncidentEvent e)
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
                TrackSeverity(e, d);
                break;
            case StatusChanged d:
                ApplyStatus(e, d);
                break;
            case RoleAssigned d:
                ApplyAssigned(e, d);
                break;
            case RoleReleased d:
                if (HoldersByRole.TryGetValue(d.Role, out var holder) && holder.User.Equals(d.User))
                {
                    EndTenure(d.Role, e.At, string.IsNullOrWhiteSpace(d.Reason) ? "released" : $"released: {d.Reason}");
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
                TrackUpdate(e.At);
                UpdateList.Add(new StatusUpdate(e.At, e.Actor, d.Text));
                LastUpdateAt = e.At;
                ReminderCount.Remove(ReminderNames.Update);
                break;
            case NoteAdded d:
                NoteList.Add(new Note(e.At, e.Actor, d.Text));
                break;
            case ActionAdded d:
                Upsert(ActionList, a => a.Id == d.ActionId, new ActionItem(d.ActionId, d.Text, d.Owner, d.Due, e.At, e.Actor, false, null));
                break;
            case ActionCompleted d:
                // The first completion counts; a repeated one changes nothing.
                var i = ActionList.FindIndex(a => a.Id == d.ActionId && !a.Done);
                if (i >= 0)
                {
                    ActionList[i] = ActionList[i] with { Done = true, DoneAt = e.At };
                }

                break;
            case HandoverRequested d:
                UnlinkedHandover = d;
                TrackHandover(e.At, d);
                break;
            case ParticipantJoined d:
                Touch(d.User, e.At);
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
            case AlertFired d:
                ApplyAlertFired(e, d);
                break;
            case AlertRepeated d:
                ApplyAlertRepeated(e, d);
                break;
            case AlertResolved d:
                ApplyAlertResolved(e, d);
                break;
            case DrillEvent d:
                ApplyDrill(e, d);
                break;
            default:
                ApplyPlan(e);
                ApplyCompliance(e);
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

        TrackDeclared(d);
        AdoptDeclaredPlan(e.At, d);
    }

    /// <summary>
    /// Mitigated is the first move to Mitigated, or to Resolved when it was never mitigated before; resolved is the last
    /// move to Resolved not followed by a reopen (a move from Resolved back to an active state).
    /// </summary>
    private void ApplyStatus(IncidentEvent e, StatusChanged d)
    {
        var (wasActive, from) = (IsActive, Status);
        Status = d.To;
        switch (d.To)
        {
            case IncidentStatus.Mitigated:
                MitigatedAt ??= e.At;
                break;
            case IncidentStatus.Resolved:
                MitigatedAt ??= e.At;
                ResolvedAt = e.At;
                break;
            case IncidentStatus.Closed:
                ClosedAt = e.At;
                break;
            case IncidentStatus.Cancelled:
                CancelledAt = e.At;
                break;
            default:
                if (from == IncidentStatus.Resolved)
                {
                    ResolvedAt = null;
                }

                break;
        }

        TrackActivity(wasActive, e.At);
        TrackPhase(e.At);
    }

    private void ApplyAssigned(IncidentEvent e, RoleAssigned d)
    {
        Touch(d.User, e.At);
        var isLead = string.Equals(d.Role, Lead, StringComparison.OrdinalIgnoreCase);

        // The declarer taking the lead is not an acknowledgement: they were there already.
        if (isLead && !d.User.Equals(DeclaredBy))
        {
            AcknowledgedAt ??= e.At;
        }

        BeginTenure(e.At, d.Role, d.User, isLead);
        HoldersByRole[d.Role] = new RoleHolder(d.Role, d.User, e.At);
    }

    private void ApplyPageSent(IncidentEvent e, PageSent d)
    {
        // A page id names one page: sent again, it is that page anew.
        Upsert(PageList, p => p.Id == d.PageId, new Page(d.PageId, d.To, d.Role, d.Message, e.At, d.Deadline, d.Round, PageStatus.Paged, null));
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
            if (status == PageStatus.Acknowledged)
            {
                Touch(PageList[i].To, at);
            }
        }
    }

    /// <summary>Replaces the item that matches in place, or appends it.</summary>
    private static void Upsert<T>(List<T> list, Predicate<T> match, T item)
    {
        var i = list.FindIndex(match);
        if (i >= 0)
        {
            list[i] = item;
        }
        else
        {
            list.Add(item);
        }
    }
}
