namespace ImtBot.Core.Plans;

/// <summary>
/// An automatic step of a task: <c>page</c> a role, post an <c>update</c> from a template, or set the <c>oncall</c>
/// role; <c>clock</c> names a compliance clock to start. The bot offers the step; the task stays open until someone
/// marks it done.
/// </summary>
/// <param name="Kind">One of <see cref="Kinds"/>.</param>
/// <param name="Role">The role to page (<c>page</c>) or put on call (<c>oncall</c>).</param>
/// <param name="Text">The update template (<c>update</c>) or the clock's name (<c>clock</c>).</param>
public sealed record PlanAutomation(string Kind, string? Role, string? Text)
{
    public const string Page = "page";
    public const string Update = "update";
    public const string OnCall = "oncall";
    public const string Clock = "clock";

    public static IReadOnlyList<string> Kinds { get; } = [Page, Update, OnCall, Clock];
}
