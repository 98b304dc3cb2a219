using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("社保ＡＰＰ怎么用", "社保app怎么用")]
    [InlineData("WeChat\u3000小程序", "wechat 小程序")]
    [InlineData("ÉCOLE Ωmega", "école ωmega")]
    [InlineData("《工伤保险条例》第十四条", "《工伤保险条例》第十四条")]
    public void Normalize_MixedScripts_FoldsWidthAndLowersEveryCasedLetter(string text, string expected)
        => Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("公积金提取需要什么材料")]
    [InlineData("social insurance 2024")]
    [InlineData("")]
    public void Normalize_AlreadyNormalText_ReturnsTheSameInstance(string text)
        => Assert.Same(text, TextNormalizer.Normalize(text));

    [Fact]
    public void Normalize_FoldAfterNormalPrefix_KeepsThePrefixAndFoldsTheRest()
        => Assert.Equal("公积金app ", TextNormalizer.Normalize("公积金ＡＰＰ\u3000"));
}
