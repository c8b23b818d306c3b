using System.Text;
using ImtBot.Slack.Security;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Slack.Tests.Security;

/// <summary>Slack's documented signing example and the signature rules of docs/protocols.md §Slack request signatures.</summary>
public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier Verifier(long now = 1531420618, string secret = Secret) =>
        new(secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));

    [Fact]
    public void Sign_SlackDocumentedExample_MatchesExpectedSignature() =>
        Assert.Equal(Expected, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_SlackDocumentedExample_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, Verifier().Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_BodyWithAppendedDashes_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, Verifier().Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body + "------")));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(360)]
    [InlineData(-360)]
    public void Verify_ClockOutsideFiveMinutes_IsStale(long offset) =>
        Assert.Equal(SignatureCheck.StaleTimestamp, Verifier(1531420618 + offset).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void Verify_ClockAtFiveMinutes_IsValid(long offset) =>
        Assert.Equal(SignatureCheck.Valid, Verifier(1531420618 + offset).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_WrongSecret_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, Verifier(secret: "another-secret").Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_V1Prefix_IsBadVersion() =>
        Assert.Equal(SignatureCheck.BadVersion, Verifier().Verify(Timestamp, "v1=" + Expected[3..], Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData("v0=a2114d57")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_LengthMismatchOrNotHex_IsMismatch(string signature) =>
        Assert.Equal(SignatureCheck.Mismatch, Verifier().Verify(Timestamp, signature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(null, Expected, SignatureCheck.MissingHeaders)]
    [InlineData(Timestamp, null, SignatureCheck.MissingHeaders)]
    [InlineData("15314x0618", Expected, SignatureCheck.BadTimestamp)]
    [InlineData("-1531420618", Expected, SignatureCheck.BadTimestamp)]
    public void Verify_MissingOrMalformedHeaders_IsRejected(string? timestamp, string? signature, SignatureCheck expected) =>
        Assert.Equal(expected, Verifier().Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_NoSecretConfigured_RejectsEverything() =>
        Assert.Equal(SignatureCheck.NoSecret, Verifier(secret: "").Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_BodyReserialisedWithSpaceEncoding_IsMismatch()
    {
        var reencoded = Body.Replace("%2F", "/", StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Mismatch, Verifier().Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(reencoded)));
    }
}
