namespace ImtBot.Core.Paging;

/// <summary>
/// Why a page went out (<c>PageSent.Purpose</c>). A plain page (null) for a role holds the role on acknowledgement
/// only while the role is empty; an <see cref="Assign"/> page holds it in any case (replacing the holder); a
/// <see cref="Handover"/> page passes command.
/// </summary>
public static class PagePurposes
{
    public const string Assign = "assign";
    public const string Handover = "handover";
}
