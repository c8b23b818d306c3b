using System.Globalization;
using Microsoft.Extensions.Options;

namespace ImtBot.Core.Compliance;

/// <summary>Checks the <c>Compliance</c> section at start and lists every problem at once, naming the setting and what would work.</summary>
public sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        var errors = new List<string>();
        foreach (var (id, regime) in options.Regimes)
        {
            var at = $"Compliance:Regimes:{id}";
            if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                errors.Add($"{at}: a regime id is one word of letters, digits, '-' or '_' (it is typed after `regulated`).");
            }

            if (!ClockStarts.IsDecision(regime.Start))
            {
                errors.Add($"{at}:Start is \"{regime.Start}\"; use aware, classified or material.");
            }

            if (BusinessCalendar.FindZone(regime.TimeZone) is null)
            {
                errors.Add($"{at}:TimeZone \"{regime.TimeZone}\" is not a time zone this machine knows; use an IANA id such as Europe/Brussels or UTC.");
            }

            foreach (var day in regime.Holidays.Where(h => !DateOnly.TryParseExact(h?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                errors.Add($"{at}:Holidays has \"{day}\"; write each day as yyyy-mm-dd.");
            }

            if (regime.Enabled && regime.Stages.Count == 0)
            {
                errors.Add($"{at}:Stages is empty; give at least one stage (or set Enabled=false).");
            }

            foreach (var (stageId, stage) in regime.Stages)
            {
                Stage(errors, $"{at}:Stages:{stageId}", stageId, stage, regime);
            }
        }

        foreach (var point in options.Reminders)
        {
            if (!ReminderPoints.TryParse(point, out _))
            {
                errors.Add($"Compliance:Reminders has \"{point}\"; give a share of the time allowed (50%) or a time before the deadline (4h, 30min).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.AnchorLog))
        {
            errors.Add("Compliance:AnchorLog must name a file (relative paths are beside the database).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Stage(List<string> errors, string at, string stageId, StageOptions stage, RegimeOptions regime)
    {
        if (stageId.Length == 0 || !stageId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add($"{at}: a stage id is one word of letters, digits, '-' or '_' (it is typed after `notified <regime>`).");
        }

        if (!Period.TryParse(stage.Within, out _))
        {
            errors.Add($"{at}:Within is \"{stage.Within}\"; write a period such as 72h, 30min, 60d, 4bd (business days) or 1mo.");
        }

        var after = string.IsNullOrWhiteSpace(stage.After) ? regime.Start : stage.After;
        if (!ClockStarts.IsDecision(after) && (string.Equals(after, stageId, StringComparison.OrdinalIgnoreCase) || !regime.Stages.ContainsKey(after)))
        {
            errors.Add($"{at}:After is \"{after}\"; use aware, classified, material or the id of another stage of this regime.");
        }

        if (!string.IsNullOrWhiteSpace(stage.NotLaterThan))
        {
            if (!Period.TryParse(stage.NotLaterThan, out _))
            {
                errors.Add($"{at}:NotLaterThan is \"{stage.NotLaterThan}\"; write a period such as 24h.");
            }

            if (!string.IsNullOrWhiteSpace(stage.NotLaterThanAfter) && !ClockStarts.IsDecision(stage.NotLaterThanAfter))
            {
                errors.Add($"{at}:NotLaterThanAfter is \"{stage.NotLaterThanAfter}\"; use aware, classified or material.");
            }
        }
    }
}
