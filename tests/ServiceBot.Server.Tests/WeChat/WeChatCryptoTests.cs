using System.Text;
using System.Xml.Linq;
using ServiceBot.Server.WeChat;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>
/// Published test vectors, used as data only:
/// <list type="bullet">
/// <item>Official Account: Tencent's WXBizMsgCrypt sample (token "spamtest", EncodingAESKey "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
/// appid "wx2c2769f8efd9abc2"), as reprinted in fotock/WXbizMsgCrypt-Node README.md and reused by many SDK test suites.</item>
/// <item>WeCom: Tencent's WeCom callback sample, sbzhu/weworkapi_python callback/Sample.py (corpid "ww1436e0e65a779aee").</item>
/// <item>WeCom with a fixed random prefix: wechatpy/wechatpy tests/test_crypto.py (corp "wx49f0ab532d5d035a").</item>
/// </list>
/// </summary>
public sealed class WeChatCryptoTests
{
    // Official Account sample.
    internal const string MpToken = "spamtest";
    internal const string MpKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    internal const string MpAppId = "wx2c2769f8efd9abc2";
    internal const string MpTimestamp = "1409735669";
    internal const string MpNonce = "1320562132";
    internal const string MpSignature = "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a";
    internal const string MpMsgSignature = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
    internal const string MpEncrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

    // WeCom sample (sbzhu/weworkapi_python callback/Sample.py).
    internal const string WorkToken = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    internal const string WorkKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    internal const string WorkCorpId = "ww1436e0e65a779aee";
    internal const string WorkVerifySignature = "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb";
    internal const string WorkVerifyTimestamp = "1476416373";
    internal const string WorkVerifyNonce = "47744683";
    internal const string WorkVerifyEcho = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
    internal const string WorkMsgSignature = "0c3914025cb4b4d68103f6bfc8db550f79dcf48e";
    internal const string WorkTimestamp = "1476422779";
    internal const string WorkNonce = "1597212914";
    internal const string WorkEncrypt = "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
    internal const string WorkBody = "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n<Encrypt><![CDATA[" + WorkEncrypt + "]]></Encrypt>\n<AgentID><![CDATA[1000002]]></AgentID>\n</xml>";

    [Fact]
    public void Compute_OfficialAccountSample_MatchesPublishedSignatures()
    {
        Assert.Equal(MpSignature, WeChatSignature.Compute(MpToken, MpTimestamp, MpNonce));
        Assert.Equal(MpMsgSignature, WeChatSignature.Compute(MpToken, MpTimestamp, MpNonce, MpEncrypt));
    }

    [Fact]
    public void Compute_WeComSample_MatchesPublishedSignatures()
    {
        Assert.Equal(WorkVerifySignature, WeChatSignature.Compute(WorkToken, WorkVerifyTimestamp, WorkVerifyNonce, WorkVerifyEcho));
        Assert.Equal(WorkMsgSignature, WeChatSignature.Compute(WorkToken, WorkTimestamp, WorkNonce, WorkEncrypt));
    }

    [Fact]
    public void Matches_OnePartChanged_IsFalse()
    {
        Assert.True(WeChatSignature.Matches(MpSignature.ToUpperInvariant(), MpToken, MpTimestamp, MpNonce));
        Assert.False(WeChatSignature.Matches(MpSignature, MpToken, MpTimestamp, "1320562133"));
        Assert.False(WeChatSignature.Matches(null, MpToken, MpTimestamp, MpNonce));
    }

    [Fact]
    public void Decrypt_OfficialAccountSample_YieldsTextMessage()
    {
        var xml = XElement.Parse(new WeChatCrypto(MpKey, MpAppId).Decrypt(MpEncrypt));

        Assert.Equal("oyORnuP8q7ou2gfYjqLzSIWZf0rs", xml.Element("FromUserName")!.Value);
        Assert.Equal("abcdteT", xml.Element("Content")!.Value);
        Assert.Equal("6054768590064713728", xml.Element("MsgId")!.Value);
    }

    [Fact]
    public void Decrypt_WeComSampleEchoStr_YieldsEcho()
    {
        Assert.Equal("1288432023552776189", new WeChatCrypto(WorkKey, WorkCorpId).Decrypt(WorkVerifyEcho));
    }

    [Fact]
    public void Decrypt_WeComSampleMessage_YieldsChineseText()
    {
        var xml = XElement.Parse(new WeChatCrypto(WorkKey, WorkCorpId).Decrypt(WorkEncrypt));

        Assert.Equal("ChenJiaShun", xml.Element("FromUserName")!.Value);
        Assert.Equal("你好", xml.Element("Content")!.Value);
        Assert.Equal("1456453720", xml.Element("MsgId")!.Value);
    }

    [Fact]
    public void Encrypt_WechatpyFixedRandom_ReproducesPublishedCiphertextAndSignature()
    {
        const string reply = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";
        const string expected = "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";
        var crypto = new WeChatCrypto("kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a");

        var encrypted = crypto.Encrypt(reply, Encoding.ASCII.GetBytes("1234567890123456"));

        Assert.Equal(expected, encrypted);
        Assert.Equal("407518b7649e86ef23978113f92d27afa9296533", WeChatSignature.Compute("123456", "1411525903", "461056294", encrypted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("您好，公积金提取需要哪些材料？")]
    [InlineData("exactly-twelve")]
    public void Encrypt_ThenDecrypt_RoundTrips(string message)
    {
        var crypto = new WeChatCrypto(MpKey, MpAppId);

        Assert.Equal(message, crypto.Decrypt(crypto.Encrypt(message)));
    }

    [Fact]
    public void Encrypt_AnyLength_PadsToWholeBlocksOf32()
    {
        var crypto = new WeChatCrypto(MpKey, MpAppId);
        for (var length = 0; length < 70; length++)
            Assert.Equal(0, Convert.FromBase64String(crypto.Encrypt(new string('a', length))).Length % 32);
    }

    [Fact]
    public void Decrypt_OtherReceiver_ThrowsReceiverMismatch()
    {
        var error = Assert.Throws<WeChatCryptoException>(() => new WeChatCrypto(MpKey, "wx_someone_else").Decrypt(MpEncrypt));

        Assert.True(error.ReceiverMismatch);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Decrypt_Malformed_ThrowsWithoutReceiverMismatch(string ciphertext)
    {
        var error = Assert.Throws<WeChatCryptoException>(() => new WeChatCrypto(MpKey, MpAppId).Decrypt(ciphertext));

        Assert.False(error.ReceiverMismatch);
    }

    [Fact]
    public void Decrypt_TamperedLastBlock_Throws()
    {
        var bytes = Convert.FromBase64String(MpEncrypt);
        bytes[^1] ^= 0x5A;

        Assert.Throws<WeChatCryptoException>(() => new WeChatCrypto(MpKey, MpAppId).Decrypt(Convert.ToBase64String(bytes)));
    }

    [Theory]
    [InlineData(MpKey, true)]
    [InlineData(WorkKey, true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF+", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", false)]
    public void IsValidKey_Length43LettersAndDigits_Only(string key, bool valid)
    {
        Assert.Equal(valid, WeChatCrypto.IsValidKey(key));
    }
}
