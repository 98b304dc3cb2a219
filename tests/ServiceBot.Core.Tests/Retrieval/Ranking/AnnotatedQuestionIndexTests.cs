using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Retrieval.Ranking;

public sealed class AnnotatedQuestionIndexTests
{
    private static readonly AnnotatedQuestion[] Questions =
    [
        new("公积金账户封存了怎么提取", ["fund#withdraw"]),
        new("离职以后住房公积金能取出来吗", ["fund#withdraw", "law#24"]),
        new("社保关系转移要带什么材料", ["transfer#materials"]),
        new("骑手摔伤了算不算工伤", ["injury#scope"]),
    ];

    [Fact]
    public void Votes_RewordedQuestion_NamesTheNeighboursClauseFirst()
    {
        var votes = new AnnotatedQuestionIndex(Questions).Votes("辞职了公积金户头封存着 钱能提出来不");

        var best = votes.MaxBy(v => v.Value.Vote);
        Assert.Equal("fund#withdraw", best.Key);
        Assert.Equal(1, best.Value.Best, 5);
        Assert.InRange(best.Value.Similarity, 0.05, 0.99);
        // Two fund questions are its neighbours: both vote.
        Assert.True(best.Value.Vote > 1, $"vote {best.Value.Vote}");
        Assert.True(!votes.ContainsKey("injury#scope") || votes["injury#scope"].Vote < best.Value.Vote);
    }

    [Fact]
    public void Votes_QuestionAnnotatedVerbatim_IsFullySimilar()
    {
        var votes = new AnnotatedQuestionIndex(Questions).Votes("社保关系转移要带什么材料");

        Assert.Equal(1, votes["transfer#materials"].Best, 5);
        Assert.Equal(1, votes["transfer#materials"].Similarity, 5);
    }

    [Fact]
    public void Votes_OnlyTheNearestVote()
    {
        var votes = new AnnotatedQuestionIndex(Questions, neighbours: 1).Votes("离职以后住房公积金能取出来吗");

        Assert.Equal(["fund#withdraw", "law#24"], votes.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("今天晚饭吃饺子")]
    [InlineData("")]
    [InlineData("hello")]
    public void Votes_NoSharedBigram_NamesNothing(string question)
        => Assert.Empty(new AnnotatedQuestionIndex(Questions).Votes(question));

    [Fact]
    public void Votes_EnglishQuestion_FindsTheNeighboursThatShareItsWords()
    {
        AnnotatedQuestion[] english =
        [
            new("how long does the unpaid wage complaint take", ["wage#time"]),
            new("what documents do I need to withdraw my housing fund", ["fund#materials"]),
            new("where can I complain about unpaid wages", ["wage#where"]),
        ];

        var votes = new AnnotatedQuestionIndex([.. Questions, .. english]).Votes("My wage complaint was filed, how many days does it take?");

        Assert.Equal("wage#time", votes.MaxBy(v => v.Value.Vote).Key);
        Assert.DoesNotContain("injury#scope", votes.Keys);
    }

    [Fact]
    public void Terms_MixedQuestion_KeepsBigramsAndLatinWords()
        => Assert.Equal(["公积", "积金", "app", "name"], AnnotatedQuestionIndex.Terms("公积金APP的 name 是 x"));

    [Fact]
    public void Votes_EmptyIndex_NamesNothing()
        => Assert.Empty(new AnnotatedQuestionIndex([]).Votes("公积金怎么提取"));

    [Fact]
    public void SaveAndLoad_RoundTripThroughAFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "annotated.jsonl");
        AnnotatedQuestionLine[] lines = [new("公积金怎么提", [new("住房公积金提取办事指南（示例）", "所需材料"), new("住房公积金管理条例", "第二十四条")])];

        AnnotatedQuestions.Save(path, lines);
        var loaded = AnnotatedQuestions.Load(path);

        Assert.Single(loaded);
        Assert.Equal(lines[0].Question, loaded[0].Question);
        Assert.Equal(lines[0].Clauses, loaded[0].Clauses);
    }

    [Fact]
    public void SaveAndLoad_ItemIdIsKeptAndAnAbsentOneIsNotWritten()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "annotated.jsonl");
        AnnotatedQuestionLine[] lines = [new("公积金怎么提", [new("住房公积金管理条例", "第二十四条")], "dev-0042"), new("社保怎么转", [new("中华人民共和国社会保险法", "第十九条")])];

        AnnotatedQuestions.Save(path, lines);
        var loaded = AnnotatedQuestions.Load(path);

        Assert.Equal(["dev-0042", null], loaded.Select(l => l.Id));
        Assert.DoesNotContain("\"id\"", File.ReadLines(path).Last());
    }

    [Fact]
    public void Load_MalformedLine_FailsWithItsNumber()
    {
        using var folder = new TempFolder();
        var path = folder.Write("annotated.jsonl", "{\"question\":\"公积金怎么提\",\"clauses\":[]}\n{\"question\":\"\"}\n");

        var error = Assert.Throws<InvalidDataException>(() => AnnotatedQuestions.Load(path));

        Assert.Contains(":2:", error.Message);
    }

    [Fact]
    public void Validate_ConfiguredAnnotatedFileMissing_FailsNamingTheKey()
    {
        var result = new KnowledgeRankingOptionsValidator().Validate(null,
            new KnowledgeRankingOptions { AnnotatedQuestionsPath = Path.Combine(Path.GetTempPath(), "no-such-annotated-" + Guid.NewGuid().ToString("N") + ".jsonl") });

        Assert.True(result.Failed);
        Assert.Contains($"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.AnnotatedQuestionsPath)}", result.FailureMessage);
    }
}
