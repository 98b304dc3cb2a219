using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Lexical.Build;

[Collection(SegmenterSensitiveCollection.Name)]
public class LexicalIndexWriterTests
{
    private static readonly string[] Phrases =
    [
        "用人单位应当按时足额支付劳动报酬", "劳动者可以解除劳动合同", "职工可以提取住房公积金",
        "禁止从建筑物中抛掷物品", "当事人可以申请劳动仲裁", "经济补偿按劳动者工作年限支付",
    ];

    /// <summary>Enough clauses, over few groups, for many runs and for postings longer than a skip block.</summary>
    private static IEnumerable<IndexDocument> Clauses(int count)
    {
        for (var i = 0; i < count; i++)
            yield return new IndexDocument($"c{i}", $"法律{i % 7}", $"第{i / 7 + 1}条",
                Phrases[i % Phrases.Length] + "，" + Phrases[i * 7 % Phrases.Length] + $"。第{i}号",
                i % 5 == 0 ? [$"问题{i % 3}怎么办"] : null);
    }

    /// <summary>
    /// Analysed clauses with terms drawn from a small vocabulary: no segmenter, whose dictionary other tests
    /// may be extending at the same time, so both builds see exactly the same terms.
    /// </summary>
    private const string Alphabet = "甲乙丙丁戊己庚";

    private static IEnumerable<AnalysedDocument> Analysed(int count)
    {
        var random = new Random(11);
        for (var i = 0; i < count; i++)
        {
            var fields = new AnalysedField[IndexFileLayout.FieldCount];
            for (var f = 0; f < fields.Length; f++)
            {
                var terms = Enumerable.Range(0, random.Next(f < 2 ? 1 : 0, 12)).Select(_ => $"{Alphabet[random.Next(7)]}{Alphabet[random.Next(7)]}").Distinct()
                    .Select(t => new TermCount(t, random.Next(1, 4))).ToArray();
                fields[f] = new AnalysedField(terms, terms.Sum(t => t.Count));
            }
            yield return new AnalysedDocument($"c{i}", $"法律{i % 7}", $"第{i / 7 + 1}条", fields);
        }
    }

    [Fact]
    public void WriteAnalysed_ManySmallRuns_WritesTheSameFileAsOneRun()
    {
        using var folder = new TempFolder();
        var analyzer = new ChineseAnalyzer();
        var oneRun = Path.Combine(folder.Path, "one.bin");
        var manyRuns = Path.Combine(folder.Path, "many.bin");

        new LexicalIndexWriter(analyzer).WriteAnalysed(Analysed(2000), oneRun);
        new LexicalIndexWriter(analyzer, runPostingBudget: 100).WriteAnalysed(Analysed(2000), manyRuns);

        Assert.Equal(File.ReadAllBytes(oneRun), File.ReadAllBytes(manyRuns));
        Assert.Equal(["many.bin", "one.bin"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void WriteAnalysed_TermInEveryRun_KeepsAllItsDocumentsInOrder()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        new LexicalIndexWriter(new ChineseAnalyzer(), runPostingBudget: 100).WriteAnalysed(Analysed(2000), path);
        var index = LexicalIndex.Load(path);

        // 甲乙 is drawn for about a fifth of the clauses, spread over every run.
        var hits = index.Search("甲乙", 5000);
        var expected = Analysed(2000).Where(d => d.Fields.Take(2).Any(f => f.Terms.Any(t => t.Term == "甲乙"))).Select(d => d.Id).ToHashSet();
        Assert.True(expected.Count > 2 * PostingsCodec.BlockSize);
        Assert.Superset(expected, hits.Select(h => h.Id).ToHashSet());
    }

    [Fact]
    public void Write_DocumentsStreamFails_KeepsThePreviousIndexAndLeavesNoScratchFiles()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        LexicalIndex.Write(Clauses(10), new ChineseAnalyzer(), path);
        var before = File.ReadAllBytes(path);

        Assert.Throws<InvalidDataException>(() => LexicalIndex.Write(Failing(), new ChineseAnalyzer(), path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["lexical.bin"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));

        static IEnumerable<IndexDocument> Failing()
        {
            foreach (var clause in Clauses(3000)) yield return clause;
            throw new InvalidDataException("第 3001 行不是 JSON");
        }
    }

    [Fact]
    public void Write_LongPostingLists_FirstStagePartsAddUpToTheScore()
    {
        // The score walks each list from the start, the parts seek into it through the skip table: they must agree.
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        Assert.Equal(3000, LexicalIndex.Write(Clauses(3000), new ChineseAnalyzer(), path));
        var index = LexicalIndex.Load(path);

        var candidates = index.RankingCandidates("劳动者解除劳动合同 经济补偿", 200);

        Assert.Equal(200, candidates.Count);
        Assert.Contains(candidates, c => int.Parse(c.Id[1..]) > 2 * PostingsCodec.BlockSize);
        foreach (var candidate in candidates)
        {
            var parts = candidate.Parts;
            Assert.Equal(candidate.FirstStageScore, parts.Words + parts.Bigrams + parts.Questions + parts.Neighbor + parts.Group, 3);
            Assert.True(parts.Words > 0 || parts.Bigrams > 0 || parts.Neighbor > 0);
        }
    }

    [Fact]
    public void Write_NoDocuments_GivesAnEmptyIndexThatFindsNothing()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        Assert.Equal(0, LexicalIndex.Write([], new ChineseAnalyzer(), path));
        var index = LexicalIndex.Load(path);
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search("劳动合同", 5));
    }
}
