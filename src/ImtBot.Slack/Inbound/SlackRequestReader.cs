using System.Buffers;
using ImtBot.Slack.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ImtBot.Slack.Inbound;

/// <summary>Reads a request's raw bytes (at most <see cref="MaxBody"/>; more is refused before any verification or parsing).</summary>
public static class SlackRequestReader
{
    /// <summary>1 MB: Slack payloads are far smaller; anything larger is refused with 413 (docs/reliability.md §Security, request bodies).</summary>
    public const int MaxBody = 1024 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBody"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBody)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBody + 1L;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var body = new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxBody)
                {
                    return null;
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static SignatureCheck Verify(SlackSignatureVerifier verifier, HttpRequest request, byte[] body) =>
        verifier.Verify(request.Headers["X-Slack-Request-Timestamp"].ToString(), request.Headers["X-Slack-Signature"].ToString(), body);
}
