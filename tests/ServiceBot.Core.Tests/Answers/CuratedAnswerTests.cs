using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Curated;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>A policy, an expired notice and three curated answers of the tests' own: one in force, one citing a clause that does not exist, one citing only the expired notice.</summary>
public sealed class CuratedKnowledgeFixture : IDisposable
{
    public const string PolicyTitle = "关于保障户外劳动者权益的示例意见";
    public const string OldNoticeTitle = "关于户外驿站开放时间的旧通知";
    public const string CuratedQuestion = "跑外卖的中午热饭有地方去吗";
    public const string CuratedText = "可以。各地正在推进户外驿站建设，骑手可以在驿站休息、饮水、热饭和充电。\n具体位置可以问“附近的驿站在哪”。";
    public const string OrphanQuestion = "外卖员的电动车被偷了找谁";
    public const string ExpiredOnlyQuestion = "驿站晚上几点关门呀";

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();

    public CuratedKnowledgeFixture()
    {
        _knowledge.Write("dictionary/terms.txt", "骑手 3000 n\n驿站 3000 n\n抽佣 3000 n\n外卖 3000 n\n");
        _knowledge.Write("policies/outdoor.md", $"""
            ---
            title: {PolicyTitle}
            date: 2025-06-01
            type: policy
            ---
            # {PolicyTitle}

            ## 一、加强权益保障

            (一)规范收费行为。依法查处平台企业不合理收费抽佣行为。

            (二)建设户外驿站。推进驿站建设，为骑手提供休息、饮水、热饭和充电服务。

            (三)改善劳动条件。平台企业应当合理确定配送时限。
            """);
        _knowledge.Write("policies/old-notice.md", $"""
            ---
            title: {OldNoticeTitle}
            date: 2020-01-01
            type: policy
            expires: 2021-01-01
            ---
            # {OldNoticeTitle}

            ## 一、开放时间

            (一)户外驿站每日开放至晚上八点。
            """);
        Write([CuratedQuestion, "送外卖的中午去哪热饭"], CuratedText,
            [new CitedClause(PolicyTitle, "一、(二)"), new CitedClause(PolicyTitle, "一、(三)")]);
        Write([OrphanQuestion], "请向公安机关报案。", [new CitedClause("不存在的文件", "第一条")]);
        Write([ExpiredOnlyQuestion], "驿站每天开到晚上八点。", [new CitedClause(OldNoticeTitle, "一、(一)")]);
        new IngestionPipeline(Options.Create(new KnowledgeOptions()), Options.Create(new IndexOptions()))
            .RunAsync([_knowledge.Path], _index.Path).GetAwaiter().GetResult();
        Knowledge = KnowledgeBase.Load(_index.Path);
    }

    public KnowledgeBase Knowledge { get; }

    public void Dispose()
    {
        _knowledge.Dispose();
        _index.Dispose();
    }

    private void Write(IReadOnlyList<string> questions, string text, IReadOnlyList<CitedClause> citations)
        => _knowledge.Write($"{CuratedAnswerFile.FolderName}/{CuratedAnswerFile.FileNameFor(questions[0])}",
            CuratedAnswerFile.Format(new CuratedAnswer(questions, text, citations)));
}

public sealed class CuratedAnswerTests(CuratedKnowledgeFixture fixture) : IClassFixture<CuratedKnowledgeFixture>
{
    private readonly ExtractiveAnswerComposer _composer = new();

    [Theory]
    [InlineData(CuratedKnowledgeFixture.CuratedQuestion)]
    [InlineData("送外卖的中午去哪热饭？")]
    public void Compose_QuestionOfACuratedAnswer_AnswersWithItsTextCitingItsClauses(string question)
    {
        var answer = _composer.Compose(fixture.Knowledge, question);

        Assert.True(answer.Grounded);
        Assert.True(answer.Curated);
        Assert.StartsWith("可以。各地正在推进户外驿站建设", answer.Markdown);
        Assert.Contains("具体位置可以问“附近的驿站在哪”。", answer.Markdown);
        Assert.Equal([("一、(二)", "current"), ("一、(三)", "current")], answer.Citations.Select(c => (c.Section, c.Validity)));
        Assert.All(answer.Citations, c => Assert.Equal(CuratedKnowledgeFixture.PolicyTitle, c.Source));
        Assert.StartsWith("(二)建设户外驿站。", answer.Citations[0].Text);
        Assert.Contains($"依据：《{CuratedKnowledgeFixture.PolicyTitle}》一、(二)；《{CuratedKnowledgeFixture.PolicyTitle}》一、(三)。", answer.Markdown);
    }

    [Fact]
    public void ComposeForTask_QuestionOfACuratedAnswer_AnswersWithItsText()
    {
        var answer = _composer.ComposeForTask(fixture.Knowledge, CuratedKnowledgeFixture.CuratedQuestion, "station_finder");

        Assert.True(answer.Curated);
        Assert.Equal("一、(二)", answer.Citations[0].Section);
    }

    [Fact]
    public void Compose_OtherQuestion_AnsweredFromClausesNeverCitingACuratedAnswer()
    {
        var answer = _composer.Compose(fixture.Knowledge, "平台抽成不合理有人查吗");

        Assert.True(answer.Grounded);
        Assert.False(answer.Curated);
        Assert.Equal("一、(一)", answer.Citations[0].Section);
        Assert.DoesNotContain(answer.Citations, c => c.Source.StartsWith(CuratedAnswerFile.TitlePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Search_CuratedAnswerWords_NeverFindsTheCuratedAnswer()
    {
        var hits = fixture.Knowledge.Search("可以 各地正在推进户外驿站建设 骑手热饭 具体位置 附近的驿站", 10);

        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => CuratedAnswerFile.IsCurated(h.Chunk));
        Assert.Equal(3, fixture.Knowledge.CuratedAnswers.Count);
    }

    [Theory]
    [InlineData(CuratedKnowledgeFixture.OrphanQuestion, "请向公安机关报案")]
    [InlineData(CuratedKnowledgeFixture.ExpiredOnlyQuestion, "驿站每天开到晚上八点")]
    public void Compose_CuratedAnswerWithoutACitableClause_DoesNotAnswer(string question, string curatedText)
    {
        var answer = _composer.Compose(fixture.Knowledge, question);

        Assert.False(answer.Curated);
        Assert.DoesNotContain(curatedText, answer.Markdown);
    }

    [Fact]
    public void Compose_QuestionAboutTheOldPolicyOfACuratedAnswer_CitesTheExpiredClauseMarked()
    {
        var answer = _composer.Compose(fixture.Knowledge, "以前的规定里" + CuratedKnowledgeFixture.ExpiredOnlyQuestion);

        Assert.True(answer.Curated);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((CuratedKnowledgeFixture.OldNoticeTitle, "expired"), (citation.Source, citation.Validity));
        Assert.Contains("【已失效】", answer.Markdown);
    }
}
