using System.Net;
using System.Net.Http.Json;

namespace ImtBot.Tests.Security;

/// <summary>
/// What a browser does with cookies and redirects, by hand: the sign-in cookie is <c>Secure</c> (sent over HTTPS only),
/// which the test host's plain-HTTP loopback would otherwise never send back.
/// </summary>
public sealed class BrowserSession : IDisposable
{
    private readonly Dictionary<string, string> cookies = [];
    private readonly HttpClient http;

    public BrowserSession(Uri baseAddress)
    {
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    public IReadOnlyDictionary<string, string> Cookies => cookies;

    /// <summary>Signs in through the provider: the challenge, the person at the provider, the form post back.</summary>
    public static async Task<BrowserSession> SignInAsync(Uri baseAddress, FakeOidcProvider provider, string login, string name, params string[] roles)
    {
        var session = new BrowserSession(baseAddress);
        var challenge = await session.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(FakeOidcProvider.Authority + "/authorize", authorize.AbsoluteUri);

        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        var code = provider.SignIn(authorize, login, name, roles);
        var callback = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, query["redirect_uri"])
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"]! }),
        });
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        Assert.Contains("__Host-ImtBot", session.cookies.Keys);
        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostAsJsonAsync(string path, object body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(pair[0]);
            }
            else
            {
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    public void Dispose() => http.Dispose();
}
