using ServiceBot.Knowledge.Import;

namespace ServiceBot.Core.Tests.Knowledge;

public class ParagraphRepairTests
{
    [Fact]
    public void SplitParagraphs_LineCutMidWord_MergesContinuation()
    {
        var text = "(二)提升党建工作质效。创新党组织设置和活动方式，持续扩\n\n大党的组织覆盖和党的工作覆盖。\n";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(["(二)提升党建工作质效。创新党组织设置和活动方式，持续扩大党的组织覆盖和党的工作覆盖。"], paragraphs);
    }

    [Fact]
    public void SplitParagraphs_LineEndingWithComma_MergesContinuation()
    {
        var text = "(六)加强算法治理。督促平台企业切实履行社会责任，\n\n规范算法，提高透明度。";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(["(六)加强算法治理。督促平台企业切实履行社会责任，规范算法，提高透明度。"], paragraphs);
    }

    [Fact]
    public void SplitParagraphs_SeveralBrokenLines_MergesAllIntoOneParagraph()
    {
        var text = "促进交流沟通。建立健全乡镇(街道)、村(社区)牵头\n\n的多方协商机制，加强关爱服\n\n务。\n\n下一段。";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(["促进交流沟通。建立健全乡镇(街道)、村(社区)牵头的多方协商机制，加强关爱服务。", "下一段。"], paragraphs);
    }

    [Fact]
    public void SplitParagraphs_NextLineIsPartHeading_DoesNotMerge()
    {
        var text = "加快推进相关法律法规和制度建设\n\n二、加强思想政治引领\n";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(["加快推进相关法律法规和制度建设", "二、加强思想政治引领"], paragraphs);
    }

    [Fact]
    public void SplitParagraphs_NextLineIsClauseStart_DoesNotMerge()
    {
        var text = "依托各类阵地和线上平台，探索有效方式\n\n(三)加强正面宣传和激励引导。综合运用新闻媒体。";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(2, paragraphs.Count);
        Assert.StartsWith("(三)", paragraphs[1]);
    }

    [Fact]
    public void SplitParagraphs_NextLineIsArticleOrDateline_DoesNotMerge()
    {
        var text = "有下列情形之一的，依照本法处理\n\n第十条 用人单位应当订立劳动合同。\n\n(新华社北京4月26日电)";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(3, paragraphs.Count);
    }

    [Fact]
    public void SplitParagraphs_PreviousLineIsShortHeading_DoesNotMerge()
    {
        var text = "因时因势应对变局\n\n走在义乌国际商贸城里，记者不仅听到英语。";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(["因时因势应对变局", "走在义乌国际商贸城里，记者不仅听到英语。"], paragraphs);
    }

    [Fact]
    public void SplitParagraphs_ParagraphEndsWithTerminalPunctuation_DoesNotMerge()
    {
        var text = "第一句完整结束。\n第二段开头，继续说明；\n第三段：\n“引语结束。”\n其后一段。";

        var paragraphs = ParagraphRepair.SplitParagraphs(text);

        Assert.Equal(5, paragraphs.Count);
    }

    [Fact]
    public void SplitParagraphs_CrLfAndSurroundingSpaces_AreNormalized()
    {
        var paragraphs = ParagraphRepair.SplitParagraphs("  截至目前，全国一体化政务服务平台已实现超\r\n\r\n过510余万项服务事项的高效办理。  \r\n");

        Assert.Equal(["截至目前，全国一体化政务服务平台已实现超过510余万项服务事项的高效办理。"], paragraphs);
    }
}
