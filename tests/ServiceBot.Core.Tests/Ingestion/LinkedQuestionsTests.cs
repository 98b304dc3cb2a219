using Microsoft.Extensions.Options;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Core.Tests.Ingestion;

public sealed class LinkedQuestionsTests : IDisposable
{
    private const string Law = "# 中华人民共和国示例劳动法\n\n## 第一章 总则\n\n第三条 用人单位应当按月以货币形式支付劳动者工资。\n\n第四条 劳动者享有休息休假的权利。\n";

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _laws = new();
    private readonly TempFolder _index = new();

    public LinkedQuestionsTests() => _laws.Write("labour.md", Law);

    public void Dispose()
    {
        _knowledge.Dispose();
        _laws.Dispose();
        _index.Dispose();
    }

    [Fact]
    public void Parse_TwoDocuments_KeysQuestionsByTitleAndSection()
    {
        var parsed = LinkedQuestionsFile.Parse("# 《甲法》\n说明文字\n## 第三条\n- 老板拖着不发钱咋办\n- \n## 第四条\n- 能歇几天\n# 乙条例\n## 第三条\n- 别的问题\n");

        Assert.Equal(["老板拖着不发钱咋办"], parsed[new LinkedSection("甲法", "第三条")]);
        Assert.Equal(["能歇几天"], parsed[new LinkedSection("甲法", "第四条")]);
        Assert.Equal(["别的问题"], parsed[new LinkedSection("乙条例", "第三条")]);
    }

    [Theory]
    [InlineData("## 第三条\n- 问题\n", "before the first")]
    [InlineData("# 《甲法》\n- 问题\n", "before its")]
    [InlineData("# 《甲法》\n## 第三条\n## 第三条\n", "appears twice")]
    public void Parse_Malformed_NamesTheLine(string text, string reason)
        => Assert.Contains(reason, Assert.Throws<FormatException>(() => LinkedQuestionsFile.Parse(text)).Message);

    [Fact]
    public void Format_TwoDocuments_ParsesBackToTheSameSections()
    {
        var sections = new Dictionary<LinkedSection, IReadOnlyList<string>>
        {
            [new LinkedSection("甲法", "第三条")] = ["老板拖着不发钱咋办", "工资拖欠找谁"],
            [new LinkedSection("乙条例", "四、(八)")] = ["骑手能交公积金吗"],
            [new LinkedSection("甲法", "第四条")] = ["能歇几天"],
        };

        var text = LinkedQuestionsFile.Format(sections);

        var parsed = LinkedQuestionsFile.Parse(text);
        Assert.Equal(3, parsed.Count);
        foreach (var (section, questions) in sections) Assert.Equal(questions, parsed[section]);
        Assert.Equal(1, text.Split('\n').Count(line => line == "# 《甲法》"));
    }

    [Fact]
    public void Format_QuestionSpanningLines_Throws()
        => Assert.Throws<ArgumentException>(() => LinkedQuestionsFile.Format(
            [new KeyValuePair<LinkedSection, IReadOnlyList<string>>(new LinkedSection("甲法", "第三条"), ["两行\n问题"])]));

    [Fact]
    public async Task RunAsync_SideFileInOneFolder_LinksQuestionsToALawInAnother()
    {
        _knowledge.Write("questions/labour.txt", "# 《中华人民共和国示例劳动法》\n## 第三条\n- 干完活老板拖着不给钱\n");

        await Run();

        var knowledge = KnowledgeBase.Load(_index.Path);
        var article = knowledge.Chunks.Single(c => c.Section == "第三条");
        Assert.Equal(["干完活老板拖着不给钱"], article.SimilarQuestions);
        Assert.Empty(knowledge.Chunks.Single(c => c.Section == "第四条").SimilarQuestions);
        Assert.Equal("第三条", knowledge.Search("老板拖着不给钱", 1)[0].Chunk.Section);
    }

    [Fact]
    public async Task RunAsync_SideFileChanged_RebuildsWithoutTheStaleQuestions()
    {
        _knowledge.Write("questions/labour.txt", "# 《中华人民共和国示例劳动法》\n## 第三条\n- 旧的问法\n");
        await Run();
        _knowledge.Write("questions/labour.txt", "# 《中华人民共和国示例劳动法》\n## 第四条\n- 一年能歇几天\n");

        var report = await Run();

        Assert.True(report.IndexRewritten);
        var knowledge = KnowledgeBase.Load(_index.Path);
        Assert.Empty(knowledge.Chunks.Single(c => c.Section == "第三条").SimilarQuestions);
        Assert.Equal(["一年能歇几天"], knowledge.Chunks.Single(c => c.Section == "第四条").SimilarQuestions);
    }

    [Fact]
    public async Task RunAsync_MalformedSideFile_IsReportedAndTheKnowledgeStillIndexed()
    {
        var bad = _knowledge.Write("questions/bad.txt", "- 没有条款的问题\n");

        var report = await Run();

        Assert.Equal(bad, Assert.Single(report.Failures).Path);
        Assert.Equal(2, KnowledgeBase.Load(_index.Path).Chunks.Count);
    }

    private Task<IngestionReport> Run()
        => new IngestionPipeline(
                Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path, _laws.Path] }),
                Options.Create(new IndexOptions { Path = _index.Path }))
            .RunAsync();
}
