using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Chat.Identity;
using ServiceBot.Storage;

namespace ServiceBot.Server.Tests.Chat.Identity;

public sealed class UserTokensTests
{
    private const string Secret = "a-test-secret-of-at-least-32-characters!";

    private static UserTokens Tokens(string secret = Secret)
        => new(Options.Create(new ChatIdentityOptions { TokenSecret = secret }), Options.Create(new StateOptions()));

    [Fact]
    public void Issue_AnyUser_IsUnpaddedBase64UrlOfHmacOverChannelAndUser()
    {
        // Tokens handed out before a restart or by another replica must keep their exact form.
        var expected = WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("web\n张三-42")));

        Assert.Equal(expected, Tokens().Issue("web", "张三-42"));
    }

    [Fact]
    public void IsValid_IssuedToken_IsAccepted()
    {
        var tokens = Tokens();

        Assert.True(tokens.IsValid("web", "user-1", tokens.Issue("web", "user-1")));
    }

    [Fact]
    public void IsValid_LongUserId_IsAcceptedAndBoundToIt()
    {
        var tokens = Tokens();
        var user = new string('用', 400);

        Assert.True(tokens.IsValid("web", user, tokens.Issue("web", user)));
        Assert.False(tokens.IsValid("web", user + "x", tokens.Issue("web", user)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public void IsValid_MissingOrMalformedToken_IsRefused(string? token) => Assert.False(Tokens().IsValid("web", "user-1", token));

    [Fact]
    public void IsValid_TokenOfAnotherUserChannelOrSecret_IsRefused()
    {
        var tokens = Tokens();
        var token = tokens.Issue("web", "user-1");

        Assert.False(tokens.IsValid("web", "user-2", token));
        Assert.False(tokens.IsValid("wechat", "user-1", token));
        Assert.False(Tokens("another-secret-of-at-least-32-characters").IsValid("web", "user-1", token));
    }

    [Fact]
    public void IsValid_TokenWithOneCharacterChangedOrPadded_IsRefused()
    {
        var tokens = Tokens();
        var token = tokens.Issue("web", "user-1");
        var changed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.False(tokens.IsValid("web", "user-1", changed));
        Assert.False(tokens.IsValid("web", "user-1", token + "="));
    }

    [Fact]
    public void IsValid_AfterMoreUsersThanItRemembers_StillChecksEveryUsersOwnToken()
    {
        var tokens = Tokens();
        var first = tokens.Issue("web", "user-0");
        // Past the bound the remembered tokens are forgotten and computed again: the answers must not change.
        for (var i = 1; i <= 20_000; i++) tokens.Issue("web", $"user-{i}");

        Assert.True(tokens.IsValid("web", "user-0", first));
        Assert.Equal(first, Tokens().Issue("web", "user-0"));
        Assert.False(tokens.IsValid("web", "user-19999", first));
        Assert.True(tokens.IsValid("web", "user-19999", Tokens().Issue("web", "user-19999")));
    }
}
