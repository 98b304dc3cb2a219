using System.Text.RegularExpressions;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Core.Tests.Knowledge;

public class StructuralChunkerTests
{
    private static readonly StructuralChunker Chunker = new();

    private static IReadOnlyList<KnowledgeChunk> PolicyChunks()
        => Chunker.Chunk(MarkdownDocumentReader.ReadFile(KnowledgePaths.PolicyFile, KnowledgePaths.KnowledgeFolder));

    private static IReadOnlyList<KnowledgeChunk> ClauseChunks()
        => PolicyChunks().Where(c => ChineseText.ClauseStart().IsMatch(c.Text)).ToList();

    [Fact]
    public void Chunk_SeedPolicy_YieldsTwelveClauseChunksWithPartAndClauseSections()
    {
        Assert.Equal(
        [
            "二、(一)", "二、(二)", "二、(三)", "三、(四)", "三、(五)", "三、(六)", "三、(七)",
            "四、(八)", "四、(九)", "四、(十)", "五、(十一)", "五、(十二)",
        ], ClauseChunks().Select(c => c.Section));
    }

    [Fact]
    public void Chunk_SeedPolicy_ClauseEightHasHeadingPathIdAndWholeText()
    {
        var clause = Assert.Single(PolicyChunks(), c => c.Section == "四、(八)");

        Assert.Equal("policies/new-employment-groups-opinion-2025#四、(八)", clause.Id);
        Assert.Equal("四、加大关爱力度 > (八)提高公共服务水平", clause.HeadingPath);
        Assert.Equal("关于加强新就业群体服务管理的意见", clause.Title);
        Assert.StartsWith("(八)提高公共服务水平。推行由常住地提供基本公共服务", clause.Text);
        Assert.Contains("扩大职业伤害保障试点", clause.Text);
        Assert.EndsWith("为新就业群体提供相关服务。", clause.Text);
        Assert.Equal("policy", clause.Metadata["type"]);
    }

    [Fact]
    public void Chunk_SeedPolicy_ClausesRepairedAcrossPageBreaksAreWhole()
    {
        var clauses = ClauseChunks().ToDictionary(c => c.Section);

        Assert.Contains("持续扩大党的组织覆盖和党的工作覆盖", clauses["二、(二)"].Text);
        Assert.EndsWith("探索开展新就业群体党组织活动的有效方式。", clauses["二、(二)"].Text);
        Assert.Contains("切实履行社会责任，规范算法，提高透明度", clauses["三、(六)"].Text);
        Assert.EndsWith("依法开展算法安全评估和监督检查工作。", clauses["三、(六)"].Text);
        Assert.Contains("村(社区)牵头的多方协商机制", clauses["四、(九)"].Text);
        Assert.EndsWith("着力提高新就业群体融入感归属感。", clauses["四、(九)"].Text);
        Assert.All(clauses.Values, c => Assert.DoesNotContain("\n", c.Text));
    }

    [Fact]
    public void Chunk_SeedPolicy_NoChunkEndsMidSentence()
    {
        Assert.All(PolicyChunks(), c => Assert.True(ChineseText.EndsWithTerminalPunctuation(c.Text), c.Id));
    }

    [Fact]
    public void Chunk_SeedPolicy_PreambleAndPartTextWithoutClausesAreChunks()
    {
        var chunks = PolicyChunks();

        Assert.Equal(["序言", "一、", "二、(一)"], chunks.Take(3).Select(c => c.Section));
        Assert.StartsWith("新就业群体是社会主义劳动者的重要组成部分", chunks[0].Text);
        var general = chunks[1];
        Assert.Equal("一、总体要求", general.HeadingPath);
        Assert.Contains("\n主要目标是：到2027年", general.Text);
        var implementation = chunks[^1];
        Assert.Equal("六、", implementation.Section);
        Assert.Equal("六、加强组织实施", implementation.HeadingPath);
        Assert.EndsWith("加快推进新就业群体服务管理相关法律法规和制度建设。", implementation.Text);
        Assert.Equal(15, chunks.Count);
    }

    [Fact]
    public void Chunk_SameDocumentTwice_GivesSameUniqueIds()
    {
        var first = PolicyChunks().Select(c => c.Id).ToList();
        var second = PolicyChunks().Select(c => c.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Chunk_LawFixtures_YieldsOneChunkPerArticle()
    {
        var documents = MarkdownDocumentReader.ReadDirectory(KnowledgePaths.LawsFolder).Documents;

        var chunks = Chunker.ChunkAll(documents);

        Assert.Equal(13, chunks.Count);
        Assert.All(chunks, c => Assert.Matches(@"^第[一二三四五六七八九十百零]+条$", c.Section));
        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct().Count());
        Assert.Equal(7, chunks.Count(c => c.DocumentId == "劳动合同法"));
    }

    [Fact]
    public void Chunk_WorkInjuryRegulation_Article14HasAllItemsAndChapterPath()
    {
        var document = MarkdownDocumentReader.ReadFile(Path.Combine(KnowledgePaths.LawsFolder, "工伤保险条例.md"), KnowledgePaths.CorpusFolder);

        var article = Assert.Single(Chunker.Chunk(document), c => c.Section == "第十四条");

        Assert.Equal("laws/工伤保险条例#第十四条", article.Id);
        Assert.Equal("第三章 工伤认定 > 第十四条", article.HeadingPath);
        Assert.Equal("工伤保险条例", article.Title);
        var lines = article.Text.Split('\n');
        Assert.Equal("第十四条 职工有下列情形之一的，应当认定为工伤：", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.Equal("(六)在上下班途中，受到非本人主要责任的交通事故或者城市轨道交通、客运轮渡、火车事故伤害的；", lines[6]);
        Assert.Equal("(七)法律、行政法规规定应当认定为工伤的其他情形。", lines[7]);
    }

    [Fact]
    public void Chunk_LaborContractLaw_SectionHeadingIsInPath()
    {
        var document = MarkdownDocumentReader.ReadFile(Path.Combine(KnowledgePaths.LawsFolder, "劳动合同法.md"), KnowledgePaths.CorpusFolder);

        var chunks = Chunker.Chunk(document);

        Assert.Equal("第五章 特别规定 > 第二节 劳务派遣 > 第五十七条", chunks.Single(c => c.Section == "第五十七条").HeadingPath);
        Assert.Equal("第六章 监督检查 > 第七十三条", chunks.Single(c => c.Section == "第七十三条").HeadingPath);
    }

    [Fact]
    public void Chunk_ArticlesWithoutChapters_UsesArticleAsPathAndKeepsParagraphs()
    {
        const string markdown = "# 某市就业服务办法\n\n第一条 为了促进就业，制定本办法。\n\n第二条 本办法适用于本市。\n\n前款所称本市，包括所辖各区。\n";
        var document = MarkdownDocumentReader.Parse(markdown, "rules/jobs", "rules/jobs.md");

        var chunks = Chunker.Chunk(document);

        Assert.Equal(["第一条", "第二条"], chunks.Select(c => c.Section));
        Assert.Equal("第二条", chunks[1].HeadingPath);
        Assert.Equal("第二条 本办法适用于本市。\n前款所称本市，包括所辖各区。", chunks[1].Text);
    }

    [Fact]
    public void Chunk_SeedNews_ChunksFollowSubheadingsStayBoundedAndLoseNothing()
    {
        var path = Path.Combine(KnowledgePaths.KnowledgeFolder, "news", "yiwu-development-experience-2025-04-26.md");
        var document = MarkdownDocumentReader.ReadFile(path, KnowledgePaths.KnowledgeFolder);

        var chunks = Chunker.Chunk(document);

        Assert.Equal(
            ["导语", "数智赋能让“坐商”变“云商”", "“越来越多的外国商人想来义乌”", "因时因势应对变局"],
            chunks.Select(c => c.Section).Distinct());
        Assert.All(chunks, c => Assert.True(c.Text.Length <= StructuralChunker.DefaultMaxNewsChunkLength, c.Id));
        Assert.All(chunks, c => Assert.True(ChineseText.EndsWithTerminalPunctuation(c.Text), c.Id));
        var paragraphs = document.Blocks.Where(b => !b.IsHeading).Select(b => b.Text);
        Assert.Equal(string.Concat(paragraphs), string.Concat(chunks.Select(c => c.Text.Replace("\n", ""))));
        Assert.Contains(chunks, c => c.Id.EndsWith("#因时因势应对变局-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_NewsParagraphLongerThanLimit_SplitsOnlyBetweenSentences()
    {
        const string markdown = "---\ntitle: 测试\ntype: news\n---\n# 测试\n\n第一句话比较长一些。第二句话也比较长。第三句话“引号结束。”第四句。\n";
        var document = MarkdownDocumentReader.Parse(markdown, "news/t", "news/t.md");

        var chunks = new StructuralChunker(maxNewsChunkLength: 20).Chunk(document);

        Assert.Equal(["第一句话比较长一些。第二句话也比较长。", "第三句话“引号结束。”第四句。"], chunks.Select(c => c.Text));
        Assert.Equal(["news/t#导语", "news/t#导语-2"], chunks.Select(c => c.Id));
    }

    [Fact]
    public void Chunk_Guide_OneChunkPerHeadingWithNestedPath()
    {
        const string markdown = """
            ---
            title: 住房公积金提取办事指南
            type: guide
            ---
            # 住房公积金提取办事指南

            适用于本市缴存职工。

            ## 办理条件

            离职后未再就业满半年。

            ## 所需材料

            - 居民身份证
            - 银行卡

            ## 办理流程

            ### 网上办理

            登录公积金网上服务大厅提交申请。

            ### 窗口办理

            到公积金中心窗口提交材料。

            ## 办理时限

            3个工作日。
            """;
        var document = MarkdownDocumentReader.Parse(markdown, "guides/hf", "guides/hf.md");

        var chunks = Chunker.Chunk(document);

        Assert.Equal(["概述", "办理条件", "所需材料", "网上办理", "窗口办理", "办理时限"], chunks.Select(c => c.Section));
        Assert.Equal("办理流程 > 窗口办理", chunks[4].HeadingPath);
        Assert.Equal("- 居民身份证\n- 银行卡", chunks[2].Text);
        Assert.Equal("guides/hf#办理时限", chunks[5].Id);
    }

    [Fact]
    public void Chunk_GuideQuotingAnArticle_StaysOneChunkPerHeading()
    {
        const string markdown = """
            ---
            title: 住房公积金提取办事指南
            type: guide
            ---
            # 住房公积金提取办事指南

            ## 办理条件

            第二十四条 职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额。

            ## 办理时限

            3个工作日。
            """;
        var document = MarkdownDocumentReader.Parse(markdown, "guides/hf", "guides/hf.md");

        var chunks = Chunker.Chunk(document);

        Assert.Equal(["办理条件", "办理时限"], chunks.Select(c => c.Section));
        Assert.Equal("guides/hf#办理条件", chunks[0].Id);
    }
}
