namespace ImtBot.Slack.Security;

/// <summary>Why a request passed or failed Slack's v0 signature check (logged; never the signature itself).</summary>
public enum SignatureCheck
{
    Valid,
    NoSecret,
    MissingHeaders,
    BadTimestamp,
    StaleTimestamp,
    BadVersion,
    Mismatch,
}
