using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Understanding;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Knowledge;

/// <summary>A city rule that copies a provincial clause word for word: one clause is shown, the copy is listed with it.</summary>
public sealed class KnowledgeBaseTwinsTests : IDisposable
{
    private const string Provincial = "某省住房公积金提取办法";
    private const string City = "某市住房公积金提取细则";
    private const string Clause = "(一)职工连续足额缴存住房公积金满三个月，本人及配偶在缴存城市无自有住房且租赁住房的，可以提取住房公积金支付房租。";

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();

    public KnowledgeBaseTwinsTests()
    {
        _knowledge.Write("policies/a-province.md", Policy(Provincial, "effective: 2024-01-01", Clause));
        _knowledge.Write("policies/b-city.md", Policy(City, "effective: 2024-03-01", Clause.Replace("，", " ")));
        _knowledge.Write("dictionary/terms.txt", "住房公积金 2000 n\n房租 2000 n\n提取 2000 v\n");
        _knowledge.Write("policies/c-other.md", Policy("某市住房公积金缴存办法", "effective: 2024-01-01", "(一)单位应当为职工按时足额缴存住房公积金，不得逾期缴存或者少缴。"));
    }

    public void Dispose()
    {
        _knowledge.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Search_CopiedClause_ShowsTheOneIngestedFirstOnly()
    {
        var knowledge = await Load("2026-06-01 09:00");

        var hits = knowledge.Search("租房可以提取住房公积金付房租吗", 5);

        Assert.Equal(Provincial, hits[0].Chunk.Title);
        Assert.DoesNotContain(hits, h => h.Chunk.Title == City);
    }

    [Fact]
    public async Task Compose_CopiedClause_CitationListsItsTwin()
    {
        var knowledge = await Load("2026-06-01 09:00");

        var answer = new ExtractiveAnswerComposer().Compose(knowledge, "租房可以提取住房公积金付房租吗");

        Assert.True(answer.Grounded);
        var lead = answer.Citations[0];
        Assert.Equal(Provincial, lead.Source);
        var twin = Assert.Single(lead.Twins!);
        Assert.Equal(City, twin.Source);
        Assert.Equal(lead.Section, twin.Section);
        Assert.Null(answer.Citations.Skip(1).FirstOrDefault(c => c.Source == City));
    }

    [Fact]
    public async Task Search_FirstIngestedCopyExpired_ShowsTheTwinInForce()
    {
        _knowledge.Write("policies/a-province.md", Policy(Provincial, "effective: 2020-01-01\nexpires: 2025-12-31", Clause));
        var knowledge = await Load("2026-06-01 09:00");

        var hits = knowledge.Search("租房可以提取住房公积金付房租吗", 5);

        Assert.Equal(City, hits[0].Chunk.Title);
        Assert.DoesNotContain(hits, h => h.Chunk.Title == Provincial);
    }

    [Fact]
    public async Task RunAsync_CopiedClause_ReportAndManifestListTheGroup()
    {
        var report = await Ingest();

        var group = Assert.Single(report.NearDuplicates);
        Assert.StartsWith("policies/a-province", group.Representative);
        Assert.StartsWith("policies/b-city", Assert.Single(group.Twins));
        var stored = Assert.Single(IngestionManifest.TryLoad(new IndexFiles(_index.Path).Manifest)!.NearDuplicates!);
        Assert.Equal(group.Representative, stored.Representative);
        Assert.Equal(group.Twins, stored.Twins);
        // A run that finds nothing changed repeats the groups from the manifest.
        var unchanged = await Ingest();
        Assert.False(unchanged.IndexRewritten);
        Assert.Equal(group.Twins, Assert.Single(unchanged.NearDuplicates).Twins);
    }

    [Fact]
    public async Task RunAsync_DetectionOff_FindsNoGroup()
    {
        var report = await Ingest(threshold: 0);

        Assert.Empty(report.NearDuplicates);
        var hits = KnowledgeBase.Load(_index.Path).Search("租房可以提取住房公积金付房租吗", 5);
        Assert.Contains(hits, h => h.Chunk.Title == City);
    }

    private async Task<KnowledgeBase> Load(string localTime)
    {
        await Ingest();
        return KnowledgeBase.Load(_index.Path, clock: FixedTimeProvider.At(localTime));
    }

    private Task<IngestionReport> Ingest(double threshold = 0.85)
        => new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path] }),
                Options.Create(new IndexOptions { Path = _index.Path, NearDuplicateThreshold = threshold }))
            .RunAsync();

    private static string Policy(string title, string validity, string body)
        => $"---\ntitle: {title}\ntype: policy\n{validity}\n---\n\n# {title}\n\n## 一、提取情形\n\n{body}\n";
}
