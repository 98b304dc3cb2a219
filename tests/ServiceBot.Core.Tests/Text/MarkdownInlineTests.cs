using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

public sealed class MarkdownInlineTests
{
    [Theory]
    [InlineData("6217 **** **** 0122", @"6217 \*\*\*\* \*\*\*\* 0122")]
    [InlineData("1304**********4510", @"1304\*\*\*\*\*\*\*\*\*\*4510")]
    [InlineData("[x](https://evil.example)", @"\[x\](https\://evil.example)")]
    [InlineData("见 https://evil.example/a 和 <b>", @"见 https\://evil.example/a 和 \<b\>")]
    [InlineData(@"a_b `c` ~d~ !e | f\g", @"a\_b \`c\` \~d\~ \!e \| f\\g")]
    public void Escape_MarkdownPunctuation_BackslashedSoItReadsAsText(string text, string expected)
        => Assert.Equal(expected, MarkdownInline.Escape(text));

    [Theory]
    [InlineData("6217 **** **** 0122")]
    [InlineData("[x](https://evil.example)")]
    [InlineData(@"a_b `c` ~d~ !e | f\g <b>")]
    public void Unescape_EscapedText_GivesTheTextBack(string text)
        => Assert.Equal(text, MarkdownInline.Unescape(MarkdownInline.Escape(text)));

    [Theory]
    [InlineData("住房公积金提取 3000 元")]
    [InlineData("2025年6月1日 14:30")]
    [InlineData("邯郸市丛台区人民路88号（东门）")]
    public void Escape_PlainText_Unchanged(string text) => Assert.Equal(text, MarkdownInline.Escape(text));
}
