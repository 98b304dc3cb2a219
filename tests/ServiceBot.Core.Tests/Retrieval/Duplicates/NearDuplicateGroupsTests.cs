using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Duplicates;

public class NearDuplicateGroupsTests
{
    private const string Wages = "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令。";

    // The same clause with its sentences in the other order and its punctuation changed, as a local rule copies it.
    private const string WagesRotated = "用人单位拖欠或者未足额支付劳动报酬的；劳动者可以依法向当地人民法院申请支付令。用人单位应当按照劳动合同约定和国家规定 向劳动者及时足额支付劳动报酬。";

    private static readonly IndexDocument[] Clauses =
    [
        new("wages", "中华人民共和国劳动合同法", "第三十条", Wages),
        new("overtime", "中华人民共和国劳动合同法", "第三十一条", "用人单位应当严格执行劳动定额标准，不得强迫或者变相强迫劳动者加班。用人单位安排加班的，应当按照国家有关规定向劳动者支付加班费。"),
        new("wages-copy", "某市劳动保障条例", "第十二条", WagesRotated),
        // Same words, opposite meaning: a different article, not a copy.
        new("limited", "合伙企业法", "第八十三条", "有限合伙人转变为普通合伙人的，对其作为有限合伙人期间有限合伙企业发生的债务承担无限连带责任。"),
        new("general", "合伙企业法", "第八十四条", "普通合伙人转变为有限合伙人的，对其作为普通合伙人期间合伙企业发生的债务承担无限连带责任。"),
    ];

    private static LexicalIndex Build(IReadOnlyList<IndexDocument> documents, double threshold = 0.85)
        => LexicalIndex.Build(documents, new ChineseAnalyzer(), new LexicalIndexOptions { NearDuplicateThreshold = threshold });

    private static string[] TwinIds(LexicalIndex index, string id)
    {
        var position = Enumerable.Range(0, index.Count).Single(d => index.IdAt(d) == id);
        return index.NearDuplicates.TwinsOf(position).Select(index.IdAt).ToArray();
    }

    [Fact]
    public void Build_ClauseWithSentencesRotated_IsTwinOfTheOriginal()
    {
        var index = Build(Clauses);
        Assert.Equal(["wages-copy"], TwinIds(index, "wages"));
        Assert.Equal(0, index.NearDuplicates.RepresentativeOf(2));
    }

    [Fact]
    public void Build_DifferentArticles_AreNotTwins()
    {
        var index = Build(Clauses);
        Assert.Empty(TwinIds(index, "overtime"));
        Assert.Empty(TwinIds(index, "limited"));
        Assert.False(index.NearDuplicates.IsTwin(4));
        Assert.Single(index.NearDuplicates.Groups);
    }

    [Fact]
    public void Build_DetectionOff_FindsNoTwins()
        => Assert.False(Build(Clauses, threshold: 0).NearDuplicates.Any);

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.5)]
    [InlineData(-1)]
    public void Build_ThresholdOutsideItsRange_IsRejected(double threshold)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Build(Clauses, threshold));

    [Fact]
    public void Search_CopiedClause_ShowsTheOriginalWithItsTwinListed()
    {
        var hits = Build(Clauses).Search("拖欠劳动报酬 申请支付令", 10);
        Assert.Equal("wages", hits[0].Id);
        Assert.Equal(["wages-copy"], hits[0].Twins);
        Assert.DoesNotContain(hits, h => h.Id == "wages-copy");
    }

    [Fact]
    public void Search_ClauseWithoutTwins_ListsNone()
    {
        var hits = Build(Clauses).Search("强迫劳动者加班", 1);
        Assert.Equal("overtime", hits[0].Id);
        Assert.Empty(hits[0].Twins);
    }

    [Fact]
    public void SaveLoad_RoundTrip_KeepsTheGroupsInTheirOwnFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        Build(Clauses).Save(path);
        Assert.True(File.Exists(LexicalIndex.NearDuplicatesPath(path)));

        var loaded = LexicalIndex.Load(path);
        Assert.Equal(["wages-copy"], TwinIds(loaded, "wages"));
        Assert.Equal(["wages-copy"], loaded.Search("拖欠劳动报酬 申请支付令", 10)[0].Twins);
    }

    [Fact]
    public void Save_IndexWithoutTwins_RemovesAStaleGroupFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        Build(Clauses).Save(path);
        Build(Clauses, threshold: 0).Save(path);
        Assert.False(File.Exists(LexicalIndex.NearDuplicatesPath(path)));
        Assert.False(LexicalIndex.Load(path).NearDuplicates.Any);
    }

    [Fact]
    public void Load_GroupFileOfAnotherIndex_IsRejected()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        Build(Clauses).Save(path);
        var groups = File.ReadAllBytes(LexicalIndex.NearDuplicatesPath(path));
        Build(Clauses.Take(4).ToArray()).Save(path);
        File.WriteAllBytes(LexicalIndex.NearDuplicatesPath(path), groups);
        var error = Assert.Throws<InvalidDataException>(() => LexicalIndex.Load(path));
        Assert.Contains("Rebuild the index", error.Message);
    }
}
