using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Understanding;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Validity;

namespace ServiceBot.Core.Tests.Knowledge.Validity;

/// <summary>Two versions of one policy, indexed together: questions get the one in force unless they ask about the old one.</summary>
public sealed class KnowledgeBaseValidityTests : IDisposable
{
    private const string OldTitle = "某市骑手高温津贴办法（2023年）";
    private const string NewTitle = "某市骑手高温津贴办法（2026年）";

    // Which version is cited is the grounding rule's and the index's business; the shipped refusal model was fitted on the
    // shipped knowledge's questions, not on this fictitious policy, so it stays out of these tests.
    private static readonly ExtractiveAnswerComposer RuleOnly = new(Options.Create(new AnswerOptions { UseRefusalModel = false }));

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();

    public KnowledgeBaseValidityTests()
    {
        _knowledge.Write("policies/old.md", Policy(OldTitle, "effective: 2023-05-01\nexpires: 2025-12-31\nsuperseded_by: " + NewTitle,
            "(一)外卖骑手高温津贴标准为每人每月300元，六月至九月发放。"));
        _knowledge.Write("policies/new.md", Policy(NewTitle, "effective: 2026-01-01",
            "(一)外卖骑手高温津贴标准为每人每月450元，六月至九月发放。"));
        _knowledge.Write("dictionary/terms.txt", "高温津贴 2000 n\n骑手 2000 n\n");
    }

    public void Dispose()
    {
        _knowledge.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Search_CurrentQuestion_LeavesTheExpiredVersionOut()
    {
        var knowledge = await Load("2026-06-01 09:00");

        var hits = knowledge.Search("骑手高温津贴标准每月多少钱", 5);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("policies/new", h.Chunk.DocumentId));
    }

    [Fact]
    public async Task Compose_QuestionAboutTheOldPolicy_CitesItMarkedExpired()
    {
        var knowledge = await Load("2026-06-01 09:00");

        var answer = RuleOnly.Compose(knowledge, "以前的骑手高温津贴标准是每月多少钱");

        Assert.True(answer.Grounded);
        var lead = answer.Citations[0];
        Assert.Equal(OldTitle, lead.Source);
        Assert.Equal(ValidityStatus.Expired, lead.Validity);
        Assert.Equal(new DateOnly(2023, 5, 1), lead.Effective);
        Assert.Contains("【已失效】", answer.Markdown);
    }

    [Fact]
    public async Task Compose_CurrentQuestion_CitesTheCurrentVersionMarkedCurrent()
    {
        var knowledge = await Load("2026-06-01 09:00");

        var answer = RuleOnly.Compose(knowledge, "骑手高温津贴标准每月多少钱");

        Assert.True(answer.Grounded);
        Assert.All(answer.Citations, c => Assert.Equal(NewTitle, c.Source));
        Assert.Equal(ValidityStatus.Current, answer.Citations[0].Validity);
        Assert.Contains("450", answer.Markdown);
        Assert.DoesNotContain("【", answer.Markdown);
    }

    [Fact]
    public async Task Compose_BeforeTheNewVersionTakesEffect_CitesTheOldOneAsCurrent()
    {
        var knowledge = await Load("2025-07-01 09:00");

        var answer = RuleOnly.Compose(knowledge, "骑手高温津贴标准每月多少钱");

        // Until 2025-12-31 the 2023 version is in force (though already named as superseded) and the 2026 one is announced.
        Assert.Contains(answer.Citations, c => c.Source == NewTitle && c.Validity == ValidityStatus.NotYetEffective);
        Assert.DoesNotContain(answer.Citations, c => c.Validity == ValidityStatus.Expired);
    }

    [Fact]
    public async Task Ingest_SupersededByNamingNoDocument_Warns()
    {
        _knowledge.Write("policies/orphan.md", Policy("某市驿站管理办法（2020年）", "superseded_by: 某市驿站管理办法（2030年）", "(一)驿站免费开放。"));

        var report = await Ingest();
        var again = await Ingest();

        var warning = Assert.Single(report.Warnings);
        Assert.Contains("某市驿站管理办法（2030年）", warning);
        Assert.Equal(report.Warnings, again.Warnings);
        Assert.False(again.IndexRewritten);
    }

    private async Task<KnowledgeBase> Load(string localTime)
    {
        var report = await Ingest();
        Assert.Empty(report.Warnings);
        return KnowledgeBase.Load(_index.Path, clock: FixedTimeProvider.At(localTime));
    }

    private Task<IngestionReport> Ingest()
        => new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path] }), Options.Create(new IndexOptions { Path = _index.Path }))
            .RunAsync();

    private static string Policy(string title, string validity, string body)
        => $"---\ntitle: {title}\ntype: policy\n{validity}\n---\n\n# {title}\n\n## 一、津贴标准\n\n{body}\n";
}
