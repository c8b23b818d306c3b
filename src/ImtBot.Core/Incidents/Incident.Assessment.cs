using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>The declaration's assessment: the answers, the severity the matrix suggested and the one chosen.</summary>
public sealed partial class Incident
{
    /// <summary>The assessment given with the declaration; null when it was declared without answers.</summary>
    public IncidentAssessed? Assessment { get; private set; }

    private void ApplyAssessment(IncidentEvent e)
    {
        if (e.Data is IncidentAssessed assessed)
        {
            Assessment = assessed;
        }
    }
}
