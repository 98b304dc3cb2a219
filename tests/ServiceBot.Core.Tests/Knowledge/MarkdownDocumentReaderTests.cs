using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Core.Tests.Knowledge;

public class MarkdownDocumentReaderTests
{
    [Fact]
    public void ReadFile_CommittedPolicy_ParsesFrontMatterAndStructure()
    {
        var document = MarkdownDocumentReader.ReadFile(KnowledgePaths.PolicyFile, KnowledgePaths.KnowledgeFolder);

        Assert.Equal("policies/new-employment-groups-opinion-2025", document.Id);
        Assert.Equal("关于加强新就业群体服务管理的意见", document.Title);
        Assert.Equal("中共中央办公厅 国务院办公厅", document.Metadata[MetadataKeys.Issuer]);
        Assert.Equal("2025-10-29", document.Metadata[MetadataKeys.Date]);
        Assert.Equal(DocumentTypes.Policy, document.Type);
        Assert.Equal(new KnowledgeBlock(KnowledgeBlockKind.Heading, "关于加强新就业群体服务管理的意见", 1), document.Blocks[0]);
        Assert.StartsWith("新就业群体是社会主义劳动者的重要组成部分", document.Blocks[1].Text);
    }

    [Fact]
    public void Parse_FrontMatterWithExtraKeysAndList_KeepsEveryKey()
    {
        const string markdown = """
            ---
            title: 灵活就业人员参保办事指南
            type: guide
            doc_number: 人社厅发〔2025〕1号
            superseded_by: guides/new-guide
            region: 浙江省
            tags:
              - 社保
              - 灵活就业
            ---
            # 灵活就业人员参保办事指南

            ## 办理条件

            - 年满16周岁
            - 无雇工的个体工商户
            """;

        var document = MarkdownDocumentReader.Parse(markdown, "guides/flexible", "guides/flexible.md");

        Assert.Equal("灵活就业人员参保办事指南", document.Title);
        Assert.Equal("人社厅发〔2025〕1号", document.Metadata[MetadataKeys.DocNumber]);
        Assert.Equal("guides/new-guide", document.Metadata[MetadataKeys.SupersededBy]);
        Assert.Equal("社保\n灵活就业", document.Metadata["tags"]);
        Assert.Equal("- 年满16周岁\n- 无雇工的个体工商户", document.Blocks[^1].Text);
    }

    [Fact]
    public void ReadFile_LawWithoutFrontMatter_TakesTitleHistoryLatestDateAndType()
    {
        var path = Path.Combine(KnowledgePaths.LawsFolder, "劳动合同法.md");

        var document = MarkdownDocumentReader.ReadFile(path, KnowledgePaths.CorpusFolder);

        Assert.Equal("laws/劳动合同法", document.Id);
        Assert.Equal("中华人民共和国劳动合同法", document.Title);
        Assert.Equal(DocumentTypes.Law, document.Type);
        Assert.Equal("2012-12-28", document.Metadata[MetadataKeys.Date]);
        var history = document.Metadata[MetadataKeys.History].Split('\n');
        Assert.Equal(2, history.Length);
        Assert.StartsWith("2007年6月29日", history[0]);
        Assert.DoesNotContain(document.Blocks, b => b.Text.Contains("常务委员会第二十八次会议通过"));
        Assert.Contains(new KnowledgeBlock(KnowledgeBlockKind.Heading, "第二节 劳务派遣", 3), document.Blocks);
    }

    [Fact]
    public void ReadDirectory_LawFixtures_ReadsEveryLawAsDatedLawWithoutFailures()
    {
        var result = MarkdownDocumentReader.ReadDirectory(KnowledgePaths.LawsFolder);

        Assert.Empty(result.Failures);
        Assert.Equal(["个人信息保护法", "劳动合同法", "失业保险条例", "工伤保险条例"], result.Documents.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(result.Documents, d => Assert.Equal(DocumentTypes.Law, d.Type));
        Assert.All(result.Documents, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d.Metadata[MetadataKeys.Date]));
    }

    [Fact]
    public void ReadFile_BadYamlFrontMatter_ThrowsKnowledgeFormatExceptionNamingFile()
    {
        using var folder = new TempFolder();
        var file = folder.Write("policies/broken.md", "---\ntitle: [未闭合\ntype: policy\n---\n# 标题\n\n正文。\n");

        var error = Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentReader.ReadFile(file, folder.Path));

        Assert.Equal(file, error.FilePath);
        Assert.Contains("broken.md", error.Message);
        Assert.Contains("YAML", error.Message);
    }

    [Fact]
    public void ReadFile_FrontMatterNotAMapping_ThrowsKnowledgeFormatException()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.md", "---\n- 只是列表\n---\n# 标题\n");

        Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentReader.ReadFile(file, folder.Path));
    }

    [Fact]
    public void ReadFile_UnclosedFrontMatter_ThrowsKnowledgeFormatException()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.md", "---\ntitle: 标题\n\n# 标题\n\n正文。\n");

        Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentReader.ReadFile(file, folder.Path));
    }

    [Fact]
    public void ReadFile_NotUtf8_ThrowsKnowledgeFormatException()
    {
        using var folder = new TempFolder();
        // "你好" in GBK: not a valid UTF-8 sequence.
        var file = folder.WriteBytes("gbk.md", [(byte)'#', (byte)' ', 0xC4, 0xE3, 0xBA, 0xC3, (byte)'\n']);

        var error = Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentReader.ReadFile(file, folder.Path));

        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void ReadFile_EmptyFile_ThrowsKnowledgeFormatException()
    {
        using var folder = new TempFolder();
        var file = folder.Write("empty.md", " \n\n");

        var error = Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentReader.ReadFile(file, folder.Path));

        Assert.Contains("empty.md", error.Message);
    }

    [Fact]
    public void ReadDirectory_OneMalformedFile_ReportsItAndReadsTheOthers()
    {
        using var folder = new TempFolder();
        folder.Write("guides/good.md", "---\ntitle: 好文件\ntype: guide\n---\n## 办理条件\n\n本市户籍。\n");
        var bad = folder.Write("guides/bad.md", "---\ntitle: : :\n  - x\n---\n");
        folder.Write("README.md", "# 说明\n");

        var result = MarkdownDocumentReader.ReadDirectory(folder.Path);

        Assert.Equal(["guides/good"], result.Documents.Select(d => d.Id));
        Assert.Equal(bad, Assert.Single(result.Failures).FilePath);
    }
}
