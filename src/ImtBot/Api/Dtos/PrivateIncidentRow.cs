using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;

namespace ImtBot.Api.Dtos;

/// <summary>
/// A private incident's row for someone who does not take part in it: that it exists, its number and severity; every
/// other field says "private" or is empty (the row keeps the summary's shape so readers of the list need no second one).
/// </summary>
public static class PrivateIncidentRow
{
    public const string Word = "Private";

    public static IncidentSummaryDto From(IncidentSnapshot s) =>
        new(s.Number, IncidentKey.Format(s.Number), Word + " incident", s.Severity, Word, Word, "", DateTimeOffset.UnixEpoch, null, null);
}
