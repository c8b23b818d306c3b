namespace ImtBot.Tests.Security;

/// <summary>An open console page's live stream (<c>/api/console/stream</c>, server-sent events), read line by line.</summary>
public sealed class ConsoleStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private ConsoleStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public static async Task<ConsoleStream> OpenAsync(HttpClient http, string user)
    {
        var response = await http.GetAsync($"/api/console/stream?user={user}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var stream = new ConsoleStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        Assert.Equal(": connected", await stream.reader.ReadLineAsync());
        return stream;
    }

    /// <summary>The <c>data:</c> lines received up to and including the first one containing <paramref name="marker"/>.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilAsync(string marker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                lines.Add(line);
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    return lines;
                }
            }
        }

        throw new InvalidOperationException($"The stream ended before \"{marker}\" arrived.");
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
