using System.Security.Cryptography;
using System.Text;
using ServiceBot.Analytics;

namespace ServiceBot.Core.Tests.Analytics;

/// <summary>The analytics user hash must stay what earlier versions wrote, or erasing a user would miss their older rows.</summary>
public sealed class TurnUserHashTests
{
    [Theory]
    [InlineData("api", "u1")]
    [InlineData("wechat", "oAbC-用户-123")]
    [InlineData("api", "")]
    public void Of_ShortIds_IsTheSha256OfChannelNewlineUser(string channel, string user)
        => Assert.Equal(Expected(channel, user), TurnUserHash.Of(channel, user));

    [Fact]
    public void Of_IdLongerThanTheStackBuffer_IsTheSameHash()
    {
        var user = string.Concat(Enumerable.Repeat("很长的用户标识", 40));
        Assert.Equal(Expected("botframework", user), TurnUserHash.Of("botframework", user));
    }

    [Fact]
    public void Of_KnownValue_Unchanged()
        // sha256 of "api\nu1", as sha256sum prints it.
        => Assert.Equal("74131130eba383da7386b355fa76c5b19475d73e8bd7ce1cedd78314951b590f", TurnUserHash.Of("api", "u1"));

    private static string Expected(string channel, string user)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channel + "\n" + user)));
}
