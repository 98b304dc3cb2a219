using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceBot.Server.Tests.WeChat;
using static ServiceBot.Server.Tests.BotFramework.EmulatorActivities;

namespace ServiceBot.Server.Tests.BotFramework;

/// <summary>
/// With an AppId: channel tokens are checked against keys published by a local stand-in for the OpenID metadata
/// and JWKS, signed by a test RSA key; the same capture server is the token endpoint and the serviceUrl.
/// </summary>
public sealed class BotFrameworkAuthTests : IAsyncLifetime
{
    private const string AppId = "00000000-test-app-id";
    private const string Issuer = "https://api.botframework.com";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ScriptedEngine _engine = ScriptedEngine.Default();
    private CaptureServer _microsoft = null!;
    private ChannelServer _server = null!;

    public async Task InitializeAsync()
    {
        _microsoft = await CaptureServer.StartAsync();
        var jwks = Jwks(_key);
        _microsoft.Respond = request => request.Path switch
        {
            "/v1/.well-known/openidconfiguration" => new(200, $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{_microsoft.BaseAddress}}v1/keys","id_token_signing_alg_values_supported":["RS256"]}"""),
            "/v1/keys" => new(200, jwks),
            "/oauth2/token" => new(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"bot-outbound-token"}"""),
            _ => new(200, """{"id":"reply-1"}"""),
        };
        _server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["BotFramework:AppId"] = AppId,
            ["BotFramework:AppPassword"] = "app-password",
            ["BotFramework:OpenIdMetadataUrl"] = _microsoft.BaseAddress + "v1/.well-known/openidconfiguration",
            ["BotFramework:TokenEndpoint"] = _microsoft.BaseAddress + "oauth2/token",
        }, _engine);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _microsoft.DisposeAsync();
    }

    private static string Jwks(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"{{key.KeyId}}","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""";
    }

    private string Token(RsaSecurityKey? key = null, string audience = AppId, string issuer = Issuer, TimeSpan? expiresIn = null, string? serviceUrl = null)
    {
        var expires = DateTime.UtcNow + (expiresIn ?? TimeSpan.FromMinutes(30));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? _microsoft.BaseAddress.ToString().TrimEnd('/') },
        });
    }

    private object Activity(string id) => Message(_microsoft.BaseAddress, id, "你好");

    private static bool IsReply(CapturedRequest r) => r.Path.StartsWith("/v3/", StringComparison.Ordinal);

    [Fact]
    public async Task Receive_NoToken_Returns401()
    {
        using var response = await PostAsync(_server.Http, Activity("a1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_TokenSignedByOtherKey_Returns401()
    {
        var other = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };

        using var response = await PostAsync(_server.Http, Activity("a2"), Token(key: other));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Receive_ExpiredToken_Returns401()
    {
        using var response = await PostAsync(_server.Http, Activity("a3"), Token(expiresIn: TimeSpan.FromMinutes(-30)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Receive_WrongAudience_Returns401()
    {
        using var response = await PostAsync(_server.Http, Activity("a4"), Token(audience: "another-bot"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Receive_WrongIssuer_Returns401()
    {
        using var response = await PostAsync(_server.Http, Activity("a5"), Token(issuer: "https://sts.example.com/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Receive_ServiceUrlOtherThanTokenClaim_Returns401()
    {
        using var response = await PostAsync(_server.Http, Activity("a6"), Token(serviceUrl: "https://smba.trafficmanager.net/apis"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_ValidTokens_AcceptedAndRepliesCarryCachedBotToken()
    {
        using var first = await PostAsync(_server.Http, Activity("a7"), Token());
        using var second = await PostAsync(_server.Http, Activity("a8"), Token());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var replies = await _microsoft.WaitForAsync(IsReply, count: 2);
        Assert.All(replies, r => Assert.Equal("Bearer bot-outbound-token", r.Authorization));
        var token = Assert.Single(_microsoft.Requests, r => r.Path == "/oauth2/token");
        Assert.Contains("grant_type=client_credentials", token.Body);
        Assert.Contains($"client_id={AppId}", token.Body);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", token.Body);
        Assert.Equal(1, _microsoft.Count(r => r.Path == "/v1/keys"));
    }
}
