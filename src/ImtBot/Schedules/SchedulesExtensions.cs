using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Schedules;

internal static class SchedulesExtensions
{
    /// <summary>The <c>Learning</c> options and the host-level schedule: the weekly follow-up digest and the practice reminder.</summary>
    public static WebApplicationBuilder AddSchedules(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LearningOptions>().BindConfiguration(LearningOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LearningOptions>, LearningOptionsValidator>());
        builder.Services.AddSingleton<IScheduledJob, FollowUpDigestJob>();
        builder.Services.AddSingleton<IScheduledJob, PracticeReminderJob>();
        builder.Services.AddSingleton<ScheduleRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduleRunner>());
        return builder;
    }
}
