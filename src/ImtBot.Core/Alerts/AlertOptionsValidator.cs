using Microsoft.Extensions.Options;

namespace ImtBot.Core.Alerts;

/// <summary>Checks the <c>Alerts</c> section at start and lists every problem at once, each saying what would work.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public const int MinTokenLength = 16;

    public static readonly string[] Kinds = ["alertmanager", "grafana", "generic"];

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var problems = new List<string>();
        if (options.Platform is not ("console" or "slack" or "teams"))
        {
            problems.Add($"Alerts:Platform must be console, slack or teams (was \"{options.Platform}\").");
        }

        if (string.IsNullOrWhiteSpace(options.Channel))
        {
            problems.Add("Alerts:Channel must name a channel (e.g. alerts).");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultRole) || options.DefaultRole.Any(char.IsWhiteSpace))
        {
            problems.Add("Alerts:DefaultRole must be one role name (e.g. ops).");
        }

        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            problems.Add($"Alerts:MaxBodyBytes must be between 1024 and 16777216 (was {options.MaxBodyBytes}).");
        }

        foreach (var (key, integration) in options.Integrations)
        {
            if (!IsName(key))
            {
                problems.Add($"Alerts:Integrations:{key}: a name may hold only letters, digits, '-' and '_' (it is part of the URL).");
            }

            if (!Kinds.Contains(integration.Kind, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"Alerts:Integrations:{key}:Kind must be alertmanager, grafana or generic (was \"{integration.Kind}\").");
            }

            if (integration.Token.Length < MinTokenLength)
            {
                problems.Add($"Alerts:Integrations:{key}:Token must be at least {MinTokenLength} characters (a random secret the sender puts in Authorization: Bearer).");
            }
        }

        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            if (AlertAction.Parse(route.Action, out var problem) is null)
            {
                problems.Add($"Alerts:Routes:{i}:Action: {problem}");
            }

            if (route.Integration is { } integration && !options.Integrations.ContainsKey(integration))
            {
                problems.Add($"Alerts:Routes:{i}:Integration names \"{integration}\", which is not under Alerts:Integrations.");
            }
        }

        foreach (var (key, beat) in options.Heartbeats)
        {
            if (!IsName(key))
            {
                problems.Add($"Alerts:Heartbeats:{key}: a name may hold only letters, digits, '-' and '_' (it is part of the URL).");
            }

            if (beat.Interval < TimeSpan.FromSeconds(10) || beat.Interval > TimeSpan.FromDays(7))
            {
                problems.Add($"Alerts:Heartbeats:{key}:Interval must be between 00:00:10 and 7.00:00:00 (was {beat.Interval}).");
            }

            if (beat.Token.Length < MinTokenLength)
            {
                problems.Add($"Alerts:Heartbeats:{key}:Token must be at least {MinTokenLength} characters.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsName(string s) => s.Length is > 0 and <= 64 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
