using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Import;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Core.Tests.Knowledge;

/// <summary>相似问法: the block syntax, its side file, and how the chunker links the questions to their section.</summary>
public class SimilarQuestionsTests
{
    private const string Guide = """
        ---
        title: 示例办事指南
        type: guide
        task: insurance_transfer
        ---
        # 示例办事指南

        概述正文。

        ## 所需材料

        <!-- 相似问法
        - 转社保要带啥
        -->

        - 身份证号：本人的居民身份证号码；
        - 险种：需要转移的险种。

        ## 常见问题

        ### 社保断缴了还能转移吗？

        能。中断前已缴纳的部分仍然有效。

        <!-- 相似问法
        - 断交了几个月还能转不
        * 社保停了能不能转

        -->

        <!-- 维护说明：这不是相似问法 -->

        ## 收费标准

        不收费。
        """;

    [Theory]
    [InlineData("<!-- 相似问法\n- 平台抽成太高了有没有人管\n- 抽佣不合理找谁\n-->", new[] { "平台抽成太高了有没有人管", "抽佣不合理找谁" })]
    [InlineData("<!--相似问法\n平台抽成太高了有没有人管\n\n* 抽佣不合理找谁\n-->", new[] { "平台抽成太高了有没有人管", "抽佣不合理找谁" })]
    [InlineData("<!-- 相似问法 -->", new string[0])]
    public void TryParse_SimilarQuestionsComment_ReturnsOneQuestionPerLine(string html, string[] expected)
        => Assert.Equal(expected, SimilarQuestionsBlock.TryParse(html));

    [Theory]
    [InlineData("<!-- 维护说明 -->")]
    [InlineData("<div>相似问法</div>")]
    [InlineData("<!-- INFO END -->")]
    public void TryParse_OtherHtml_ReturnsNull(string html) => Assert.Null(SimilarQuestionsBlock.TryParse(html));

    [Fact]
    public void Format_Questions_ParsesBackToTheSameQuestions()
    {
        string[] questions = ["派单时间卡得太死有规定吗", "跑单累了去哪歇脚"];

        Assert.Equal(questions, SimilarQuestionsBlock.TryParse(SimilarQuestionsBlock.Format(questions)));
    }

    [Fact]
    public void Format_QuestionClosingTheComment_Throws()
        => Assert.Throws<ArgumentException>(() => SimilarQuestionsBlock.Format(["这样写 --> 会提前结束注释"]));

    [Fact]
    public void Chunk_GuideWithSimilarQuestions_LinksThemToTheirSectionAndKeepsTextClean()
    {
        var chunks = new StructuralChunker().Chunk(MarkdownDocumentReader.Parse(Guide, "guides/sample", "guides/sample.md"));

        var materials = chunks.Single(c => c.Section == "所需材料");
        Assert.Equal(["转社保要带啥"], materials.SimilarQuestions);
        Assert.Equal("- 身份证号：本人的居民身份证号码；\n- 险种：需要转移的险种。", materials.Text);
        var question = chunks.Single(c => c.Section == "社保断缴了还能转移吗？");
        Assert.Equal(["断交了几个月还能转不", "社保停了能不能转"], question.SimilarQuestions);
        Assert.Equal("能。中断前已缴纳的部分仍然有效。", question.Text);
        Assert.Empty(chunks.Single(c => c.Section == "收费标准").SimilarQuestions);
        Assert.Empty(chunks.Single(c => c.Section == "概述").SimilarQuestions);
        Assert.DoesNotContain(chunks, c => c.Text.Contains("相似问法") || c.Text.Contains("维护说明"));
    }

    [Fact]
    public void Chunk_LawArticleWithSimilarQuestions_LinksThemToThatArticle()
    {
        const string law = """
            # 示例条例

            第一条 为了保障劳动者的休息权利，制定本条例。

            第二条 劳动者每日工作时间不超过八小时。

            <!-- 相似问法
            - 一天最多干几个钟头
            -->

            第三条 本条例自公布之日起施行。
            """;

        var chunks = new StructuralChunker().Chunk(MarkdownDocumentReader.Parse(law, "laws/sample", "laws/sample.md"));

        Assert.Equal(["一天最多干几个钟头"], chunks.Single(c => c.Section == "第二条").SimilarQuestions);
        Assert.Empty(chunks.Single(c => c.Section == "第一条").SimilarQuestions);
        Assert.Empty(chunks.Single(c => c.Section == "第三条").SimilarQuestions);
    }

    [Fact]
    public void Parse_SideFile_GroupsQuestionsBySectionAndIgnoresNotes()
    {
        var sections = SimilarQuestionsFile.Parse("# 标题\n\n说明文字。\n\n## 四、(八)\n- 问题一\n- 问题二\n\n## 一、\n- 问题三\n");

        Assert.Equal(["四、(八)", "一、"], sections.Keys);
        Assert.Equal(["问题一", "问题二"], sections["四、(八)"]);
        Assert.Equal(["问题三"], sections["一、"]);
    }

    [Theory]
    [InlineData("- 没有小节的问题\n")]
    [InlineData("## 一、\n- 甲\n## 一、\n- 乙\n")]
    public void Parse_MalformedSideFile_Throws(string text) => Assert.Throws<FormatException>(() => SimilarQuestionsFile.Parse(text));
}
