using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public sealed partial class Incident
{
    /// <summary>Declared <c>private</c>: its details are for its participants and admins only. Never turned public.</summary>
    public bool Private { get; private set; }

    /// <summary>Everyone who ever declared, held a role, was paged or joined (acted, was invited): who may see a private incident.</summary>
    public IReadOnlyCollection<UserRef> Insiders => InsiderSet;

    private HashSet<UserRef> InsiderSet { get; } = [];

    /// <summary>True when <paramref name="user"/> took part: declared, holds or held a role, was paged, or joined.</summary>
    public bool IsInsider(UserRef user) => InsiderSet.Contains(user);

    private void TrackPrivacy(IncidentEvent e)
    {
        switch (e.Data)
        {
            case IncidentDeclared d:
                Private = d.Private ?? false;
                InsiderSet.Add(e.Actor);
                break;
            case RoleAssigned d:
                InsiderSet.Add(d.User);
                break;
            case ParticipantJoined d:
                InsiderSet.Add(d.User);
                break;
            case PageSent d:
                InsiderSet.Add(d.To);
                break;
        }

        InsiderSet.Remove(UserRef.System);
    }
}
