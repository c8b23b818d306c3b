using Microsoft.Extensions.Options;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Checks the <c>Incidents</c> section at start (<c>ValidateOnStart</c>) and lists every problem at once, each as a
/// sentence naming the setting and saying what would work.
/// </summary>
public sealed class IncidentOptionsValidator : IValidateOptions<IncidentOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentOptions options)
    {
        var errors = new List<string>();
        var roles = options.Roles;
        if (roles.Count == 0 || roles.Any(string.IsNullOrWhiteSpace) || roles.Any(r => r.Any(char.IsWhiteSpace)))
        {
            errors.Add("Incidents:Roles must list at least one role, each one word (the first is the lead).");
        }
        else if (roles.Distinct(StringComparer.OrdinalIgnoreCase).Count() != roles.Count)
        {
            errors.Add("Incidents:Roles must not repeat a role.");
        }

        foreach (var key in options.KeyRoles.Where(k => !roles.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"Incidents:KeyRoles names \"{key}\", which is not in Incidents:Roles; name one of {string.Join(", ", roles)}.");
        }

        if (options.PageRounds is < 1 or > 10)
        {
            errors.Add("Incidents:PageRounds must be between 1 and 10.");
        }

        if (options.MaxReminders is < 0 or > 20)
        {
            errors.Add("Incidents:MaxReminders must be between 0 (no reminders) and 20.");
        }

        if (options.ArchiveAfter < TimeSpan.Zero)
        {
            errors.Add("Incidents:ArchiveAfter must not be negative; 00:00:00 archives at close.");
        }

        if (!IncidentDecider.IsKnownSeverity(options, options.DefaultSeverity))
        {
            errors.Add($"Incidents:DefaultSeverity is {options.DefaultSeverity}, but there is no Incidents:Policies:SEV{options.DefaultSeverity}; name a configured severity.");
        }

        foreach (var (policy, p) in options.Policies)
        {
            if (p.PageTimeout <= TimeSpan.Zero)
            {
                errors.Add($"Incidents:Policies:{policy}:PageTimeout must be positive.");
            }

            foreach (var (setting, value) in new[] { ("UpdateCadence", p.UpdateCadence), ("CommanderReminder", p.CommanderReminder), ("RoleReminder", p.RoleReminder), ("ReviewWithin", p.ReviewWithin) })
            {
                if (value <= TimeSpan.Zero)
                {
                    errors.Add($"Incidents:Policies:{policy}:{setting} must be positive, or left out for none.");
                }
            }
        }

        errors.AddRange(Assessment.AssessmentValidation.Problems(options.Assessment, IncidentDecider.KnownSeverities(options).ToArray()));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
