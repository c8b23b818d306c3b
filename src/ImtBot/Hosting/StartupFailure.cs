using ImtBot.Storage;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

/// <summary>Turns start-up faults that a user can fix (configuration, a held database) into one clear message.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception e)
    {
        switch (e)
        {
            case OptionsValidationException ove:
                return "ImtBot cannot start: the configuration has problems:\n" +
                       string.Join("\n", ove.Failures.Select(f => "  - " + f));
            case AggregateException ae when ae.InnerExceptions.All(x => x is OptionsValidationException):
                return "ImtBot cannot start: the configuration has problems:\n" + string.Join("\n",
                    ae.InnerExceptions.Cast<OptionsValidationException>().SelectMany(x => x.Failures).Select(f => "  - " + f));
            case AggregateException ae when ae.InnerExceptions.All(x => Describe(x) is not null):
                return string.Join("\n", ae.InnerExceptions.Select(x => Describe(x)));
            case DatabaseLockedException locked:
                return "ImtBot cannot start: " + locked.Message;
            case StorageUnavailableException unavailable:
                return "ImtBot cannot start: " + unavailable.Message;
            case IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase):
                return "ImtBot cannot start: " + io.Message + " (choose another port with --urls)";
            default:
                return e.InnerException is not null ? Describe(e.InnerException) : null;
        }
    }
}
