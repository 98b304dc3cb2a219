using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Ranking;

public class TermTranslationsTests
{
    private static readonly IndexDocument[] Statutes =
    [
        new("lease", "民法典", "第七百一十二条", "出租人应当履行租赁物的维修义务，但是当事人另有约定的除外。"),
        new("sale", "民法典", "第五百九十五条", "买卖合同是出卖人转移标的物的所有权于买受人，买受人支付价款的合同。"),
    ];

    private static ChineseAnalyzer Analyzer() => new(new ChineseAnalyzerOptions { UseGeneralThesaurus = false });

    private static TermTranslations LandlordTable() => new(new Dictionary<string, IReadOnlyList<TermTranslation>>
    {
        ["房东"] = [new TermTranslation("出租人", 0.8f), new TermTranslation("租赁物", 0.5f)],
    });

    [Fact]
    public void Expand_TypedWordWithTranslations_AddsThemAtWeightTimesStrength()
    {
        var query = new AnalyzedQuery(new Dictionary<string, float> { ["房东"] = 1f, ["维修"] = 1f }, new Dictionary<string, float>());

        var expanded = LandlordTable().Expand(query, 0.5f);

        Assert.Equal(1f, expanded.Words["房东"]);
        Assert.Equal(0.4f, expanded.Words["出租人"], 5);
        Assert.Equal(0.25f, expanded.Words["租赁物"], 5);
        Assert.Same(query.Bigrams, expanded.Bigrams);
    }

    [Fact]
    public void Expand_MoreTranslationsThanTheLimit_KeepsTheStrongest()
    {
        var query = new AnalyzedQuery(new Dictionary<string, float> { ["房东"] = 1f }, new Dictionary<string, float>());

        var expanded = LandlordTable().Expand(query, 1f, limit: 1);

        Assert.Contains("出租人", expanded.Words.Keys);
        Assert.DoesNotContain("租赁物", expanded.Words.Keys);
    }

    [Fact]
    public void Expand_LimitWithInformativeness_PrefersTheRarerWordOverTheStronger()
    {
        var query = new AnalyzedQuery(new Dictionary<string, float> { ["房东"] = 1f }, new Dictionary<string, float>());
        var idf = new Dictionary<string, float> { ["出租人"] = 1f, ["租赁物"] = 4f };

        // 出租人 0.8 × 1 against 租赁物 0.5 × 4.
        var expanded = LandlordTable().Expand(query, 1f, limit: 1, informativeness: word => idf[word]);

        Assert.Contains("租赁物", expanded.Words.Keys);
        Assert.DoesNotContain("出租人", expanded.Words.Keys);
    }

    [Fact]
    public void Expand_OnlyExpansionsTranslate_QueryReturnedUnchanged()
    {
        // 房东 here is itself an expansion (weight below 1), not a word the user typed.
        var query = new AnalyzedQuery(new Dictionary<string, float> { ["房东"] = 0.3f }, new Dictionary<string, float>());

        Assert.Same(query, LandlordTable().Expand(query, 1f));
    }

    [Fact]
    public void Expand_FullWeightAndStrength_StaysBelowATypedWord()
    {
        var table = new TermTranslations(new Dictionary<string, IReadOnlyList<TermTranslation>> { ["老公"] = [new TermTranslation("配偶", 1f)] });
        var query = new AnalyzedQuery(new Dictionary<string, float> { ["老公"] = 1f }, new Dictionary<string, float>());

        Assert.True(table.Expand(query, 1f).Words["配偶"] < 1f);
    }

    [Fact]
    public void Search_LayWordWithTableLoadedFromFile_FindsTheStatuteWordingIt()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "term-translations.json");
        LandlordTable().Save(path);
        var index = LexicalIndex.Build(Statutes, Analyzer(), new LexicalIndexOptions());

        var without = index.Search("房东不管", 5);
        var with = index.WithOptions(new LexicalIndexOptions { Translations = TermTranslations.Load(path) }).Search("房东不管", 5);

        Assert.DoesNotContain(without, hit => hit.Id == "lease");
        Assert.Equal("lease", with[0].Id);
    }

    [Fact]
    public void LoadIfPresent_NoFile_IsNullAndSearchKeepsItsRanking()
    {
        using var folder = new TempFolder();
        var index = LexicalIndex.Build(Statutes, Analyzer(), new LexicalIndexOptions());

        var table = TermTranslations.LoadIfPresent(Path.Combine(folder.Path, "missing.json"));

        Assert.Null(table);
        var plain = index.Search("出租人维修", 5);
        var withNull = index.WithOptions(new LexicalIndexOptions { Translations = table }).Search("出租人维修", 5);
        Assert.Equal(plain.Select(h => (h.Id, h.Score)), withNull.Select(h => (h.Id, h.Score)));
    }

    [Theory]
    [InlineData("not json at all", "is not a term translation table")]
    [InlineData("{\"format\":\"servicebot-tree-ensemble\",\"version\":1,\"translations\":{}}", "is not a servicebot-term-translations file")]
    [InlineData("{\"format\":\"servicebot-term-translations\",\"version\":1,\"translations\":{\"房东\":[{\"word\":\"出租人\",\"strength\":1.5}]}}", "\"房东\" → \"出租人\" has strength 1.5")]
    [InlineData("{\"format\":\"servicebot-term-translations\",\"version\":1,\"translations\":{\"房东\":null}}", "\"房东\" has no list of translations")]
    public void Load_BadFile_ThrowsInvalidDataNamingThePathAndTheFault(string content, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("term-translations.json", content);

        var error = Assert.Throws<InvalidDataException>(() => TermTranslations.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Default_ShippedTable_LoadsWithTranslations()
    {
        var shipped = TermTranslations.Default;

        Assert.NotNull(shipped);
        Assert.True(shipped.Count > 100);
        Assert.All(shipped.Table.Values.SelectMany(t => t), t => Assert.InRange(t.Strength, float.Epsilon, 1f));
    }
}
