using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Core.Tests.Knowledge;

public class MarkdownBlockEscapeTests
{
    [Theory]
    [InlineData("1. 到2027年，工作机制进一步完善。")]
    [InlineData("- 破折号开头的段落。")]
    [InlineData("# 井号开头的段落。")]
    [InlineData("> 大于号开头的段落。")]
    [InlineData("2011年，义乌首创双轨制。")]
    public void Escape_ParagraphReadBack_IsOneParagraphWithOriginalText(string paragraph)
    {
        var markdown = "# 标题\n\n" + MarkdownBlockEscape.Escape(paragraph) + "\n";

        var document = MarkdownDocumentReader.Parse(markdown, "t", "t.md");

        var block = Assert.Single(document.Blocks, b => !b.IsHeading);
        Assert.Equal(paragraph, block.Text);
    }

    [Fact]
    public void Escape_OrdinaryChineseParagraph_IsUnchanged()
    {
        Assert.Equal("(一)加强新就业群体思想政治工作。", MarkdownBlockEscape.Escape("(一)加强新就业群体思想政治工作。"));
    }
}
