namespace ImtBot.Core.Incidents;

public enum PageStatus
{
    Paged,
    Acknowledged,
    Declined,
    Expired,
}
