using ServiceBot.Localization;

namespace ServiceBot.Core.Tests.Localization;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Where can I rest in Handan?")]
    [InlineData("I want to register a foreign-invested company")]
    [InlineData("Where can I rest in 邯郸?")]
    [InlineData("change the phone to 13500005555")]
    public void Detect_MostlyLatinWords_IsEnglish(string text)
        => Assert.Equal(BotLanguages.English, LanguageDetector.Detect(text, BotLanguages.Chinese));

    [Theory]
    [InlineData("我要提取公积金")]
    [InlineData("查询办件 GJJ-20250601-7KQ4M2XP")]
    [InlineData("我的手机号是13500005555")]
    [InlineData("好的，ok")]
    public void Detect_ChineseText_IsChinese(string text)
        => Assert.Equal(BotLanguages.Chinese, LanguageDetector.Detect(text, BotLanguages.English));

    [Theory]
    [InlineData("13500005555")]
    [InlineData("PK1234567")]
    [InlineData("GJJ-20250601-7KQ4M2XP")]
    [InlineData("ok")]
    [InlineData("Yes")]
    [InlineData("no!")]
    [InlineData("3000")]
    [InlineData("？")]
    public void Detect_NoLanguageOfItsOwn_KeepsCurrent(string text)
    {
        Assert.Equal(BotLanguages.English, LanguageDetector.Detect(text, BotLanguages.English));
        Assert.Equal(BotLanguages.Chinese, LanguageDetector.Detect(text, BotLanguages.Chinese));
    }

    [Fact]
    public void Detect_ChineseNameAmidFewEnglishWords_KeepsCurrent()
        => Assert.Equal(BotLanguages.English, LanguageDetector.Detect("My company is 义乌小商品贸易有限公司", BotLanguages.English));
}
