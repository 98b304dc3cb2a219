using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Text;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>English questions answered offline from knowledge/guides/en, citing the Chinese clauses the English rests on.</summary>
public sealed class EnglishAnswerTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>
{
    private readonly ExtractiveAnswerComposer _composer = new();

    private KnowledgeBase Knowledge => fixture.Knowledge;

    [Theory]
    [InlineData("What documents do I need to withdraw my housing fund?", "Housing Provident Fund Withdrawal Guide (sample)", "住房公积金提取办事指南（示例）", "所需材料")]
    [InlineData("How long does a social insurance transfer take?", "Social Insurance Transfer Guide (sample)", "社会保险关系转移接续办事指南（示例）", "办理时限")]
    [InlineData("Is there a fee for a wage complaint?", "Unpaid Wages Complaint Guide (sample)", "欠薪投诉办事指南（示例）", "收费标准")]
    [InlineData("Can delivery riders get occupational injury protection?", "Occupational Injury Protection Claim Guide for Platform Workers (sample)",
        "新就业形态就业人员职业伤害保障申报办事指南（示例）", "适用对象和办理条件")]
    public void Compose_EnglishQuestion_AnsweredInEnglishWithTheChineseClauseCited(string question, string englishTitle, string chineseTitle, string chineseSection)
    {
        var answer = _composer.Compose(Knowledge, question);

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Equal(englishTitle, answer.Citations[0].Source);
        var chinese = Assert.Single(answer.Citations, c => c.Source == chineseTitle && c.Section == chineseSection);
        Assert.Contains(chinese.Text, c => TextNormalizer.IsCjk(c));
        Assert.Contains($"《{chineseTitle}》{chineseSection}", answer.Markdown);
        Assert.DoesNotContain(ClauseBasis.Prefix, answer.Citations[0].Text);
        Assert.StartsWith("The text above is quoted", answer.Markdown.Split('\n')[^1]);
    }

    [Fact]
    public void Compose_EnglishQuestionOnTheOpinion_QuotesItsTranslationAndCitesTheChineseClause()
    {
        var answer = _composer.Compose(Knowledge, "Is there any rule about the algorithms platforms use to dispatch orders to riders?");

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.StartsWith("Opinions on Strengthening Services and Management for New Employment Groups", answer.Citations[0].Source);
        Assert.Equal(("关于加强新就业群体服务管理的意见", "三、(六)"), (answer.Citations[1].Source, answer.Citations[1].Section));
        Assert.Contains("algorithm", answer.Markdown);
        Assert.Contains("《关于加强新就业群体服务管理的意见》三、(六)", answer.Markdown);
        Assert.StartsWith("The text above is an unofficial English translation", answer.Markdown.Split('\n')[^1]);
        Assert.DoesNotContain(ExtractiveAnswerComposer.Disclaimer, answer.Markdown);
    }

    [Theory]
    [InlineData("Can you recommend a cheap hotel near the railway station for two nights?")]
    [InlineData("Where can I buy a good used car and get it insured?")]
    public void Compose_EnglishErrandNamingOneKnownWord_StillRefused(string question)
    {
        var answer = _composer.Compose(Knowledge, question);

        Assert.False(answer.Grounded, answer.Markdown);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void ComposeForTask_EnglishTimeQuestion_OpensWithTheTimeLimitSection()
    {
        var answer = _composer.ComposeForTask(Knowledge, "how long until the money arrives?", IntentNames.FundWithdrawal);

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Equal("Time limit", answer.Citations[0].Section);
        Assert.Contains(answer.Citations, c => c.Section == "办理时限");
    }

    [Fact]
    public void Compose_ForeignInvestedRegistrationQuestion_OneWorkingDayFromTheYiwuReport()
    {
        var answer = _composer.Compose(Knowledge, "How long does it take to register a foreign-invested company in Yiwu?");

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Contains("one working day", answer.Markdown);
        Assert.Contains(answer.Citations, c => c.Source.Contains("义乌发展经验", StringComparison.Ordinal) && c.Text.Contains("一个工作日", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("What is the best recipe for pizza?")]
    [InlineData("Who will win the football match tonight?")]
    public void Compose_EnglishQuestionNothingAnswers_EnglishRefusalWithoutCitations(string question)
    {
        var answer = _composer.Compose(Knowledge, question);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.StartsWith("Sorry", answer.Markdown);
        Assert.DoesNotContain(answer.Markdown, c => TextNormalizer.IsCjk(c));
    }

    [Theory]
    [InlineData("租房能提公积金吗")]
    [InlineData("公积金提取需要什么材料")]
    [InlineData("依照住房公积金管理条例第二十四条能提取吗")]
    [InlineData("外商在义乌注册公司要多久")]
    [InlineData("社保转移要多久")]
    public void Compose_ChineseQuestion_NeverCitesAnEnglishGuide(string question)
    {
        var answer = _composer.Compose(Knowledge, question);

        Assert.All(answer.Citations, c => Assert.Contains(c.Source, ch => TextNormalizer.IsCjk(ch)));
        Assert.DoesNotContain("Based on", answer.Markdown);
    }

    [Fact]
    public void ComposeForTask_ChineseQuestion_AnsweredFromTheChineseGuide()
    {
        var answer = _composer.ComposeForTask(Knowledge, "提取公积金要带什么材料", IntentNames.FundWithdrawal);

        Assert.Equal("住房公积金提取办事指南（示例）", answer.Citations[0].Source);
        Assert.Equal("所需材料", answer.Citations[0].Section);
    }

    [Fact]
    public void Compose_EnglishQuestion_CitesRelatedSectionsAfterTheLeadAndItsChineseClause()
    {
        var answer = _composer.Compose(Knowledge, "How long does the housing fund withdrawal take?");

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Equal(("Housing Provident Fund Withdrawal Guide (sample)", "Time limit"), (answer.Citations[0].Source, answer.Citations[0].Section));
        Assert.Equal(("住房公积金提取办事指南（示例）", "办理时限"), (answer.Citations[1].Source, answer.Citations[1].Section));
        var related = answer.Citations.Skip(2).ToList();
        var english = related.Where(c => !c.Text.Any(TextNormalizer.IsCjk)).ToList();
        Assert.NotEmpty(english);
        Assert.DoesNotContain(related, c => (c.Source, c.Section) == (answer.Citations[0].Source, answer.Citations[0].Section));
        // The Chinese clauses the related sections rest on come first, so the originals stand nearest the lead.
        Assert.True(related.TakeWhile(c => c.Text.Any(TextNormalizer.IsCjk)).Count() == related.Count - english.Count,
            string.Join(" | ", related.Select(c => c.Source + c.Section)));
        // Listed by heading once the guide is named; its untitled opening part reads "Overview", never 概述.
        var line = Assert.Single(answer.Markdown.Split('\n'), l => l.StartsWith("Related sections: ", StringComparison.Ordinal));
        Assert.DoesNotContain("概述", line);
        Assert.DoesNotContain("Housing Provident Fund Withdrawal Guide", line);
        Assert.StartsWith("The text above is quoted", answer.Markdown.Split('\n')[^1]);
    }
}
