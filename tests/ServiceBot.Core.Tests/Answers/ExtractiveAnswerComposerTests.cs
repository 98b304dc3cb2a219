using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Knowledge;
using ServiceBot.Localization;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>Runs against the real pipeline over knowledge/ and the law fixtures.</summary>
public sealed class ExtractiveAnswerComposerTests(RealKnowledgeFixture fixture) : IClassFixture<RealKnowledgeFixture>
{
    private readonly ExtractiveAnswerComposer _composer = new();

    public static TheoryData<string, string[]> AnswerableSeedQuestions() => SeedQuestions(answerable: true);

    public static TheoryData<string, string[]> UnanswerableSeedQuestions() => SeedQuestions(answerable: false);

    [Fact]
    public void Fixture_RealKnowledge_IngestsWithoutFailures()
    {
        Assert.Empty(fixture.Report.Failures);
        var laws = fixture.Knowledge.Chunks.Where(c => c.Metadata.GetValueOrDefault(MetadataKeys.Type) == DocumentTypes.Law).ToList();
        Assert.Equal(13, laws.Count(c => KnowledgeLanguage.Of(c) == BotLanguages.Chinese));
        // The English translation of each article the fixture's shortened laws hold, and of no other.
        var english = laws.Where(c => KnowledgeLanguage.Of(c) == BotLanguages.English).ToList();
        Assert.Equal(laws.Where(c => KnowledgeLanguage.Of(c) == BotLanguages.Chinese).Select(c => (c.Title, c.Section)).Order(),
            english.SelectMany(c => ClauseBasis.Of(c.Text)).Select(r => (r.Title, r.Section)).Order());
    }

    [Theory]
    [MemberData(nameof(AnswerableSeedQuestions))]
    public void Compose_AnswerableSeedQuestion_CitesExpectedPhraseInTopThree(string query, string[] expect)
    {
        var answer = _composer.Compose(fixture.Knowledge, query);

        Assert.True(answer.Grounded, $"not grounded: {query}");
        var top = answer.Citations.Take(3).ToList();
        Assert.True(top.Any(c => expect.Any(e => c.Text.Contains(e) || c.Source.Contains(e))),
            $"{query}: none of [{string.Join(", ", expect)}] in {string.Join(" | ", top.Select(c => c.Source + c.Section))}");
    }

    [Theory]
    [MemberData(nameof(UnanswerableSeedQuestions))]
    public void Compose_UnanswerableSeedQuestion_RefusesWithoutCitations(string query, string[] _)
        => AssertRefused(_composer.Compose(fixture.Knowledge, query));

    [Theory]
    [InlineData("工伤认定需要什么材料", "工伤认定申请表")]
    [InlineData("公司拖欠工资怎么办", "拖欠")]
    [InlineData("公积金可以用来付房租吗", "房租")]
    [InlineData("骑手摔伤了算工伤吗", "工伤")]
    [InlineData("试用期最长多久", "试用期")]
    [InlineData("被辞退有没有经济补偿", "经济补偿")]
    [InlineData("失业了能领失业金吗", "失业保险金")]
    [InlineData("加班费怎么算", "加班费")]
    [InlineData("个人信息被泄露了怎么办", "泄露")]
    [InlineData("新就业群体的社会保险关系转移接续怎么规定", "转移接续")]
    [InlineData("骑手每天跑十几个小时，休息权有保障吗？", "休息权益")]
    public void Compose_InScopeQuestion_IsGroundedWithRelevantCitation(string query, string phrase)
    {
        var answer = _composer.Compose(fixture.Knowledge, query);

        Assert.True(answer.Grounded, $"not grounded: {query}");
        Assert.InRange(answer.Citations.Count, 1, 3);
        Assert.Contains(answer.Citations, c => c.Text.Contains(phrase));
        Assert.False(answer.Handoff);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("红烧肉怎么做")]
    [InlineData("写一首关于春天的诗")]
    [InlineData("帮我订一张去上海的机票")]
    [InlineData("姚明有多高")]
    [InlineData("明天会下雨吗")]
    [InlineData("推荐一部好看的电影")]
    [InlineData("北京到上海的高铁几点发车")]
    [InlineData("苹果手机怎么截图")]
    [InlineData("你好")]
    [InlineData("")]
    public void Compose_OutOfScopeQuestion_RefusesWithoutCitations(string query)
        => AssertRefused(_composer.Compose(fixture.Knowledge, query));

    [Theory]
    [InlineData("电动车上牌需要带啥")]
    [InlineData("摩托车驾照年审去哪个车管所")]
    public void Compose_QuestionMostlyInWordsNoClauseUses_Refuses(string query)
        => AssertRefused(_composer.Compose(fixture.Knowledge, query));

    [Theory]
    [InlineData("身份证丢了怎么补办")]
    [InlineData("美国的网约车司机有没有最低工资")]
    public void Compose_ClauseHoldsTheDomainWordsButNoneOfTheOthers_Refuses(string query)
    {
        var withoutRule = new ExtractiveAnswerComposer(Microsoft.Extensions.Options.Options.Create(new AnswerOptions { MinContentCoverage = 0, UseRefusalModel = false }));

        AssertRefused(_composer.Compose(fixture.Knowledge, query));
        Assert.True(withoutRule.Compose(fixture.Knowledge, query).Grounded, $"the domain words alone do not ground it: {query}");
    }

    [Theory]
    [InlineData("明年最低工资涨到多少")]
    [InlineData("老人的养老金今年涨多少")]
    [InlineData("职业伤害保障试点都有哪些城市")]
    [InlineData("滴滴司机的平均月收入是多少")]
    [InlineData("现在退休年龄是多少岁")]
    [InlineData("骑手技能大赛拿了第一名 奖金有多少")]
    [InlineData("下个月社保缴费截止日是几号")]
    public void Compose_AsksForAFigureNoClauseStates_Refuses(string query)
        => AssertRefused(_composer.Compose(fixture.Knowledge, query));

    [Theory]
    [InlineData("天天被差评 压力大得睡不着觉 有没有啥心理方面的帮助", "四、(八)")]
    [InlineData("跑单中途想找个地方歇脚喝口水", "四、(九)")]
    public void Compose_LayWordsTheDictionaryLinksToPolicyWords_CountAsCovered(string query, string section)
    {
        var answer = _composer.Compose(fixture.Knowledge, query);

        Assert.True(answer.Grounded, $"not grounded: {query}");
        Assert.Contains(answer.Citations.Take(3), c => c.Section == section);
    }

    [Fact]
    public void Compose_PolicyQuestion_NamesDocumentSectionAndDate()
    {
        var answer = _composer.Compose(fixture.Knowledge, "枫桥经验跟新就业群体有什么关系？");

        Assert.Equal("关于加强新就业群体服务管理的意见", answer.Citations[0].Source);
        Assert.Equal("四、(十)", answer.Citations[0].Section);
        Assert.Contains("（《关于加强新就业群体服务管理的意见》四、(十)，2025-10-29）", answer.Markdown);
        Assert.Contains("枫桥经验", answer.Markdown);
    }

    [Fact]
    public void Compose_QuestionAboutOneCaseOfALawsList_AnswersWithThatCaseAndQuotesItUnderTheListsIntroduction()
    {
        var answer = _composer.Compose(fixture.Knowledge, "下班路上被车撞了 算不算工伤");

        Assert.Equal(("工伤保险条例", "第十四条"), (answer.Citations[0].Source, answer.Citations[0].Section));
        Assert.StartsWith("职工有下列情形之一的，应当认定为工伤：在上下班途中，受到非本人主要责任的交通事故", answer.Markdown);
        var quote = string.Join("\n", answer.Markdown.Split('\n').Where(line => line.StartsWith("> ")));
        Assert.StartsWith("> 第十四条 职工有下列情形之一的，应当认定为工伤：\n> ……\n", quote);
        Assert.Contains("> (六)在上下班途中", quote);
    }

    [Fact]
    public void Compose_LongClause_QuotesExcerptButCitesFullText()
    {
        var answer = _composer.Compose(fixture.Knowledge, "枫桥经验跟新就业群体有什么关系？");

        var full = answer.Citations[0].Text;
        Assert.True(full.Length > new AnswerOptions().QuoteMaxLength);
        Assert.DoesNotContain(full, answer.Markdown);
        Assert.Contains("……", answer.Markdown);
        Assert.Equal(fixture.Knowledge.Chunks.Single(c => c.Title == answer.Citations[0].Source && c.Section == "四、(十)").Text, full);
    }

    [Fact]
    public void AnswerJson_GroundedAnswer_HasContractShape()
    {
        // Worded as the regulation's own article, which the injury guide's FAQ on materials only summarises.
        var answer = _composer.Compose(fixture.Knowledge, "提出工伤认定申请应当提交哪些材料");

        var json = JsonNode.Parse(AnswerJson.Serialize(answer))!.AsObject();

        Assert.Equal(["answer", "grounded", "citations", "handoff"], json.Select(p => p.Key));
        Assert.Equal(JsonValueKind.True, json["grounded"]!.GetValueKind());
        var citation = json["citations"]!.AsArray()[0]!.AsObject();
        Assert.Equal(["source", "section", "text", "validity", "effective"], citation.Select(p => p.Key));
        Assert.Equal("工伤保险条例", citation["source"]!.GetValue<string>());
        Assert.Equal("第十八条", citation["section"]!.GetValue<string>());
        Assert.Equal("current", citation["validity"]!.GetValue<string>());
        // A law's effective date is its latest amendment in the fixture's header.
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", citation["effective"]!.GetValue<string>());
    }

    [Fact]
    public void AnswerJson_WithId_PutsIdFirstAsGiven()
    {
        var json = JsonNode.Parse(AnswerJson.Serialize(ExtractiveAnswerComposer.Refusal(), JsonValue.Create(7)))!.AsObject();

        Assert.Equal("id", json.First().Key);
        Assert.Equal(7, json["id"]!.GetValue<int>());
        Assert.Empty(json["citations"]!.AsArray());
        Assert.False(json["grounded"]!.GetValue<bool>());
    }

    private static void AssertRefused(Answer answer)
    {
        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Contains("12345", answer.Markdown);
        Assert.Contains("人工", answer.Markdown);
    }

    private static TheoryData<string, string[]> SeedQuestions(bool answerable)
    {
        var data = new TheoryData<string, string[]>();
        foreach (var line in File.ReadLines(KnowledgePaths.SeedQuestionsFile).Where(l => l.Trim().Length > 0))
        {
            var item = JsonNode.Parse(line)!;
            if (item["answerable"]!.GetValue<bool>() != answerable) continue;
            data.Add(item["query"]!.GetValue<string>(), item["expect"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray());
        }
        return data;
    }
}
