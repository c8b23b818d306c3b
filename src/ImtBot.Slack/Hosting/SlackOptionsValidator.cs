using Microsoft.Extensions.Options;

namespace ImtBot.Slack.Hosting;

/// <summary>Checks the <c>Slack</c> section once at start-up and lists every problem at once; the messages name the setting, never its value.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!options.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("Slack:BotToken must be a bot token (it starts with xoxb-).");
        }

        if (options.SocketMode && !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            errors.Add("Slack:AppToken must be an app-level token (it starts with xapp-).");
        }

        if (!options.SocketMode && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            errors.Add("Slack:SigningSecret is required when Slack:AppToken is not set (HTTP request URLs).");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            errors.Add("Slack:ApiBaseUrl must be an absolute http(s) URL, e.g. https://slack.com/api/.");
        }

        if (options.ArchiveAfter < TimeSpan.Zero)
        {
            errors.Add("Slack:ArchiveAfter must not be negative; 00:00:00 archives at close.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
