using ImtBot.Core.Schedules;
using Microsoft.Extensions.Options;

namespace ImtBot.Schedules;

/// <summary>Checks <c>Learning:DigestAt</c> is a schedule (or empty: off).</summary>
public sealed class LearningOptionsValidator : IValidateOptions<LearningOptions>
{
    public ValidateOptionsResult Validate(string? name, LearningOptions options) =>
        string.IsNullOrWhiteSpace(options.DigestAt) || ScheduleSpec.TryParse(options.DigestAt, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Learning:DigestAt: {error}; or empty to turn the digest off.");
}
