using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>What each event changes: lifecycle, severity, roles, hand-overs, pages, updates and actions.</summary>
internal sealed partial class ReviewModelBuilder
{
    private void Apply(IncidentEvent e)
    {
        switch (e.Data)
        {
            case StatusChanged s:
                Status(e.At, s.To);
                break;
            case SeverityChanged s:
                _severities.Add(new SeverityStep(e.At, s.From, s.To, s.Reason, e.Actor));
                (_severity, _peak, _policy) = (s.To, Math.Min(_peak, s.To), s.Policy);
                _gapCadence = Tightest(_gapCadence, s.Policy.UpdateCadence);
                break;
            case RoleAssigned r:
                Assign(e.At, r.Role, r.User);
                break;
            case RoleReleased r:
                Release(e.At, r.Role, r.User, r.Reason);
                break;
            case HandoverRequested h:
                _handovers.Add(new ReviewHandover(e.At, h.From, h.To, h.Summary, h.Release, null));
                _pendingHandover = _handovers.Count - 1;
                break;
            case PageSent p:
                if (!_pages.ContainsKey(p.PageId))
                {
                    _pageOrder.Add(p.PageId);
                }

                _pages[p.PageId] = new ReviewPage(p.PageId, p.To, p.Role, e.At, p.Deadline, p.Round, PageStatus.Paged, null);
                break;
            case PageAcknowledged p:
                _acknowledged ??= e.At;
                Answer(p.PageId, PageStatus.Acknowledged, e.At);
                break;
            case PageDeclined p:
                Answer(p.PageId, PageStatus.Declined, e.At);
                break;
            case PageExpired p:
                Answer(p.PageId, PageStatus.Expired, e.At);
                break;
            case UpdatePosted u:
                Update(e, u.Text);
                break;
            case ActionAdded a:
                _actions[a.ActionId] = new ReviewAction(a.ActionId, a.Text, a.Owner, a.Due, e.At, null);
                break;
            case ActionCompleted a when _actions.TryGetValue(a.ActionId, out var action) && !action.Done:
                _actions[a.ActionId] = action with { DoneAt = e.At };
                break;
            case ParticipantJoined p:
                Touch(p.User, e.At);
                break;
        }
    }

    private void Status(DateTimeOffset at, IncidentStatus to)
    {
        var wasActive = Active;
        var from = _status;
        _status = to;
        switch (to)
        {
            case IncidentStatus.Mitigated:
                _mitigated ??= at;
                break;
            case IncidentStatus.Resolved:
                _mitigated ??= at;
                _resolved = at;
                break;
            case IncidentStatus.Closed:
                _closed = at;
                break;
            case IncidentStatus.Cancelled:
                _cancelled = at;
                break;
            default:
                if (from == IncidentStatus.Resolved)
                {
                    _resolved = null;
                }

                break;
        }

        if (wasActive && !Active && _gapStart is { } start)
        {
            CloseGap(start, at);
            _gapStart = null;
        }
        else if (!wasActive && Active)
        {
            (_gapStart, _gapCadence) = (at, _policy.UpdateCadence);
        }
    }

    private void Update(IncidentEvent e, string text)
    {
        _updates.Add(new ReviewUpdate(e.At, e.Actor, text));
        if (Active && _gapStart is { } start)
        {
            CloseGap(start, e.At);
            (_gapStart, _gapCadence) = (e.At, _policy.UpdateCadence);
        }
    }

    private void Assign(DateTimeOffset at, string role, UserRef user)
    {
        Touch(user, at);
        var isLead = string.Equals(role, Lead, StringComparison.OrdinalIgnoreCase);
        if (isLead)
        {
            _acknowledged ??= at;
        }

        if (_holders.TryGetValue(role, out var holder))
        {
            if (holder.User == user)
            {
                return;
            }

            var handedOver = isLead && _pendingHandover is { } h && _handovers[h].To == user;
            End(holder.Tenure, at, handedOver ? $"handed over to {user}" : $"replaced by {user}");
        }

        if (isLead && _pendingHandover is { } pending && _handovers[pending].To == user)
        {
            _handovers[pending] = _handovers[pending] with { TakenAt = at };
            _pendingHandover = null;
        }

        _tenures.Add(new RoleTenure(role, user, at, null, null));
        _holders[role] = (user, _tenures.Count - 1);
    }

    private void Release(DateTimeOffset at, string role, UserRef user, string? reason)
    {
        if (_holders.TryGetValue(role, out var holder) && holder.User == user)
        {
            End(holder.Tenure, at, string.IsNullOrWhiteSpace(reason) ? "released" : $"released: {reason}");
            _holders.Remove(role);
        }
    }

    private void End(int tenure, DateTimeOffset at, string how) => _tenures[tenure] = _tenures[tenure] with { To = at, Ended = how };

    private void Answer(string pageId, PageStatus outcome, DateTimeOffset at)
    {
        if (_pages.TryGetValue(pageId, out var page) && page.Outcome == PageStatus.Paged)
        {
            _pages[pageId] = page with { Outcome = outcome, AnsweredAt = at };
            if (outcome == PageStatus.Acknowledged)
            {
                Touch(page.To, at);
            }
        }
    }
}
