namespace ImtBot.Slack.WebApi;

public enum SlackEncoding
{
    Json,
    Form,
    Get,
}
