namespace ImtBot.Core.Incidents;

public sealed partial class IncidentOptions
{
    /// <summary>
    /// Every problem with this configuration, each as a sentence naming the setting (empty when it is valid), for the
    /// host to check at start (<c>ValidateOnStart</c>).
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Roles.Count == 0 || Roles.Any(string.IsNullOrWhiteSpace) || Roles.Any(r => r.Any(char.IsWhiteSpace)))
        {
            errors.Add("Incidents:Roles must list at least one role, each one word (the first is the lead).");
        }
        else if (Roles.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Roles.Count)
        {
            errors.Add("Incidents:Roles must not repeat a role.");
        }

        foreach (var key in KeyRoles.Where(k => !Roles.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"Incidents:KeyRoles names \"{key}\", which is not in Incidents:Roles.");
        }

        if (PageRounds is < 1 or > 10)
        {
            errors.Add("Incidents:PageRounds must be between 1 and 10.");
        }

        if (MaxReminders is < 0 or > 20)
        {
            errors.Add("Incidents:MaxReminders must be between 0 (no reminders) and 20.");
        }

        if (ArchiveAfter < TimeSpan.Zero)
        {
            errors.Add("Incidents:ArchiveAfter must not be negative.");
        }

        if (!Incident.IsKnownSeverity(this, DefaultSeverity))
        {
            errors.Add($"Incidents:DefaultSeverity is {DefaultSeverity}, but there is no Incidents:Policies:SEV{DefaultSeverity}.");
        }

        foreach (var (name, p) in Policies)
        {
            if (p.PageTimeout <= TimeSpan.Zero)
            {
                errors.Add($"Incidents:Policies:{name}:PageTimeout must be positive.");
            }

            foreach (var (setting, value) in new[] { ("UpdateCadence", p.UpdateCadence), ("CommanderReminder", p.CommanderReminder), ("RoleReminder", p.RoleReminder) })
            {
                if (value <= TimeSpan.Zero)
                {
                    errors.Add($"Incidents:Policies:{name}:{setting} must be positive, or left out for none.");
                }
            }
        }

        return errors;
    }
}
