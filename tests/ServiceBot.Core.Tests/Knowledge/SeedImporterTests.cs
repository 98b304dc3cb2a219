using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Import;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Core.Tests.Knowledge;

public class SeedImporterTests
{
    private static readonly string SeedText = File.ReadAllText(KnowledgePaths.SeedFile);

    private static readonly string SimilarQuestionsText = File.ReadAllText(Path.Combine(KnowledgePaths.RepositoryRoot, SeedImporter.SimilarQuestionsPath));

    private static readonly IReadOnlyList<ImportedDocument> Converted = SeedImporter.Convert(SeedText, SimilarQuestionsText);

    [Fact]
    public void Convert_Seed_ProducesPolicyAndTwoNewsFiles()
    {
        Assert.Equal(
        [
            "policies/new-employment-groups-opinion-2025.md",
            "news/yiwu-development-experience-2025-04-26.md",
            "news/digital-government-services-2025-04-26.md",
        ], Converted.Select(d => d.FileName));
    }

    [Fact]
    public void Convert_Seed_ReproducesCommittedKnowledgeFiles()
    {
        foreach (var document in Converted)
        {
            var committed = File.ReadAllText(Path.Combine(KnowledgePaths.KnowledgeFolder, document.FileName));
            Assert.Equal(committed, document.Markdown);
        }
    }

    [Fact]
    public void Convert_Seed_PolicyFrontMatterHasRequiredFields()
    {
        var policy = Read(Converted[0]);

        Assert.Equal("关于加强新就业群体服务管理的意见", policy.Title);
        Assert.Equal("中共中央办公厅 国务院办公厅", policy.Metadata["issuer"]);
        Assert.Equal("2025-10-29", policy.Metadata["date"]);
        Assert.Equal("policy", policy.Metadata["type"]);
        Assert.Equal("全国", policy.Metadata["region"]);
        Assert.Equal("seeds/000_651c2e97b8875df2.txt", policy.Metadata["source"]);
    }

    [Fact]
    public void Convert_Seed_PolicyHasSixPartHeadingsAndTwelveClauseParagraphs()
    {
        var policy = Read(Converted[0]);

        Assert.Equal(
            ["一、总体要求", "二、加强思想政治引领", "三、依法维护合法权益", "四、加大关爱力度", "五、促进社会融入", "六、加强组织实施"],
            policy.Blocks.Where(b => b.IsHeading && b.Level == 2).Select(b => b.Text));
        Assert.Equal(12, policy.Blocks.Count(b => !b.IsHeading && ChineseText.ClauseStart().IsMatch(b.Text)));
        Assert.DoesNotContain(policy.Blocks, b => b.Text.Contains("新华社"));
    }

    [Fact]
    public void Convert_Seed_RepairsParagraphsBrokenByPageBreaks()
    {
        var policy = Converted[0].Markdown;
        var digital = Converted[2].Markdown;

        Assert.Contains("持续扩大党的组织覆盖和党的工作覆盖", policy);
        Assert.Contains("切实履行社会责任，规范算法", policy);
        Assert.Contains("村(社区)牵头的多方协商机制", policy);
        Assert.Contains("已实现超过510余万项服务事项", digital);
        Assert.Contains("安全稳妥有序推进政务领域人工智能大模型部署应用", digital);
    }

    [Fact]
    public void Convert_Seed_EveryBodyParagraphEndsWithTerminalPunctuation()
    {
        foreach (var document in Converted.Select(Read))
        foreach (var paragraph in document.Blocks.Where(b => b.IsParagraph))
            Assert.True(ChineseText.EndsWithTerminalPunctuation(paragraph.Text), $"{document.Id}: {paragraph.Text}");
    }

    [Fact]
    public void Convert_Seed_YiwuStoryTakesTitleFromDisplacedHeader()
    {
        var yiwu = Read(Converted[1]);

        Assert.Equal("敢为人先 与时俱进——感受『义乌发展经验』新脉动", yiwu.Title);
        Assert.Equal("news", yiwu.Metadata["type"]);
        Assert.Equal("新华社", yiwu.Metadata["issuer"]);
        Assert.Equal("2025-04-26", yiwu.Metadata["date"]);
        Assert.Contains("推断", yiwu.Metadata["date_note"]);
        Assert.Equal("乔继红 朱涵 孙广见", yiwu.Metadata["author"]);
        Assert.Equal(
            ["数智赋能让“坐商”变“云商”", "“越来越多的外国商人想来义乌”", "因时因势应对变局"],
            yiwu.Blocks.Where(b => b.IsHeading && b.Level == 2).Select(b => b.Text));
        Assert.StartsWith("在浙江义乌", yiwu.Blocks.First(b => !b.IsHeading).Text);
        Assert.EndsWith("已成为世界的义乌。", yiwu.Blocks.Last().Text);
    }

    [Fact]
    public void Convert_Seed_DigitalGovernmentStoryKeepsInlineDateline()
    {
        var digital = Read(Converted[2]);

        Assert.Equal("数智服务推动“高效办成一件事”", digital.Title);
        Assert.Equal("潘洁", digital.Metadata["author"]);
        Assert.Equal("2025-04-26", digital.Metadata["date"]);
        var paragraphs = digital.Blocks.Where(b => !b.IsHeading).ToList();
        Assert.StartsWith("新华社北京4月26日电(记者潘洁)深化数字技术应用", paragraphs[0].Text);
        Assert.Contains(paragraphs, p => p.Text.Contains("邯小金") && p.Text.Contains("数字政务门牌"));
        Assert.Equal(6, paragraphs.Count);
    }

    [Fact]
    public void Convert_SimilarQuestions_LinkedToTheirClauseAndKeptOutOfItsText()
    {
        var policy = Read(SeedImporter.Convert(SeedText, "## 四、(八)\n- 跑外卖的能不能交公积金\n- 骑手心理压力大找谁\n## 序言\n- 这个文件管哪些人\n")[0]);

        var chunks = new StructuralChunker().Chunk(policy);

        var clause = chunks.Single(c => c.Section == "四、(八)");
        Assert.Equal(["跑外卖的能不能交公积金", "骑手心理压力大找谁"], clause.SimilarQuestions);
        Assert.DoesNotContain("跑外卖", clause.Text);
        Assert.Equal(["这个文件管哪些人"], chunks.Single(c => c.Section == "序言").SimilarQuestions);
        Assert.All(chunks.Where(c => c.Section is not ("四、(八)" or "序言")), c => Assert.Empty(c.SimilarQuestions));
    }

    [Fact]
    public void Convert_CommittedSimilarQuestions_EverySectionOfTheSideFileReachesItsChunk()
    {
        var expected = SimilarQuestionsFile.Parse(SimilarQuestionsText);
        var chunks = new StructuralChunker().Chunk(Read(Converted[0]));

        Assert.NotEmpty(expected);
        foreach (var (section, questions) in expected)
            Assert.Equal(questions, chunks.Single(c => c.Section == section).SimilarQuestions);
    }

    [Fact]
    public void Convert_SimilarQuestionsForUnknownSection_FailsNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => SeedImporter.Convert(SeedText, "## 九、(二十)\n- 这条不存在\n"));

        Assert.Contains("九、(二十)", error.Message);
    }

    private static KnowledgeDocument Read(ImportedDocument document)
        => MarkdownDocumentReader.Parse(document.Markdown, Path.ChangeExtension(document.FileName, null), document.FileName);
}
