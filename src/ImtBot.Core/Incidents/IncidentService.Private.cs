using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>What the answers that span incidents (actions, training) leave out for someone outside a private incident.</summary>
public sealed partial class IncidentService
{
    /// <summary>True when the incident with this key (<c>INC-7</c>) is private and <paramref name="asker"/> is outside it.</summary>
    private bool HiddenFrom(string key, UserRef asker) =>
        IncidentKey.TryParse(key, out var number) && Get(number) is { } incident && IncidentDecider.IsOutsider(incident, asker, options);
}
