using ServiceBot.Server.WeChat;

namespace ServiceBot.Server.Tests.WeChat;

public sealed class WeChatOptionsValidatorTests
{
    private static bool Valid(WeChatOptions options) => new WeChatOptionsValidator().Validate(null, options).Succeeded;

    [Fact]
    public void Validate_Unconfigured_SucceedsAndChannelIsOff()
    {
        var options = new WeChatOptions();

        Assert.True(Valid(options));
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_TokenOnly_Succeeds() => Assert.True(Valid(new WeChatOptions { Token = "spamtest" }));

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=")]
    public void Validate_MalformedEncodingAesKey_Fails(string key) =>
        Assert.False(Valid(new WeChatOptions { Token = "spamtest", EncodingAesKey = key, AppId = "wx1" }));

    [Fact]
    public void Validate_EncodingAesKeyWithoutAppId_Fails() =>
        Assert.False(Valid(new WeChatOptions { Token = "spamtest", EncodingAesKey = WeChatCryptoTests.MpKey }));

    [Fact]
    public void Validate_CustomerServiceWithoutSecret_Fails() =>
        Assert.False(Valid(new WeChatOptions { Token = "spamtest", AppId = "wx1", CustomerServiceBaseUrl = new Uri("https://api.weixin.qq.com") }));

    [Fact]
    public void Validate_ReplyTimeoutBeyondWeChatLimit_Fails() =>
        Assert.False(Valid(new WeChatOptions { Token = "spamtest", ReplyTimeout = TimeSpan.FromSeconds(5) }));

    [Fact]
    public void Validate_AesKeyWithoutToken_Fails() =>
        Assert.False(Valid(new WeChatOptions { EncodingAesKey = WeChatCryptoTests.MpKey, AppId = "wx1" }));

    [Theory]
    [InlineData("00:00:10")]
    [InlineData("01:00:00")]
    public void Validate_SignatureWindowOutOfRange_Fails(string window) =>
        Assert.False(Valid(new WeChatOptions { Token = "spamtest", SignatureWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) }));
}
