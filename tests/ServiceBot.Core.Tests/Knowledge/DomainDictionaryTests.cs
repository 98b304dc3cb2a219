using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Dictionary;

namespace ServiceBot.Core.Tests.Knowledge;

public class DomainDictionaryTests
{
    private static readonly string DictionaryFolder = Path.Combine(KnowledgePaths.KnowledgeFolder, "dictionary");

    [Fact]
    public void Load_CommittedDictionary_HasAtLeast150TermsAndGroups()
    {
        var dictionary = DomainDictionary.Load(DictionaryFolder);

        Assert.True(dictionary.Terms.Count >= 150, $"terms: {dictionary.Terms.Count}");
        Assert.True(dictionary.SynonymGroups.Count >= 150, $"groups: {dictionary.SynonymGroups.Count}");
    }

    [Theory]
    [InlineData("新就业群体")]
    [InlineData("职业伤害保障")]
    [InlineData("住房公积金")]
    [InlineData("网约配送员")]
    [InlineData("互联网平台企业")]
    [InlineData("暖心驿站")]
    [InlineData("12345")]
    [InlineData("高效办成一件事")]
    [InlineData("社会保险关系转移接续")]
    [InlineData("枫桥经验")]
    [InlineData("劳动争议仲裁")]
    [InlineData("停工留薪期")]
    public void Load_CommittedDictionary_ContainsDomainTerm(string word)
    {
        var dictionary = DomainDictionary.Load(DictionaryFolder);

        var term = Assert.Single(dictionary.Terms, t => t.Word == word);
        Assert.NotNull(term.Frequency);
    }

    [Fact]
    public void Load_CommittedDictionary_TermsAreUniqueAndNoSynonymSitsInTwoGroups()
    {
        var dictionary = DomainDictionary.Load(DictionaryFolder);

        Assert.Empty(dictionary.Terms.GroupBy(t => t.Word).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(dictionary.SynonymGroups.SelectMany(g => g).GroupBy(m => m).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void SynonymsOf_LayWord_ReturnsWrittenTermAndOtherLayWords()
    {
        var dictionary = DomainDictionary.Load(DictionaryFolder);

        var synonyms = dictionary.SynonymsOf("骑手");

        Assert.Contains("网约配送员", synonyms);
        Assert.Contains("外卖小哥", synonyms);
        Assert.DoesNotContain("骑手", synonyms);
        Assert.Equal("网约配送员", dictionary.CanonicalOf("外卖员"));
        Assert.Equal(["公积金"], dictionary.SynonymsOf("住房公积金"));
        Assert.Contains("N+1", dictionary.SynonymsOf("经济补偿"));
        Assert.Contains("醉驾", dictionary.SynonymsOf("醉酒驾驶"));
    }

    [Fact]
    public void SynonymsOf_UnknownWord_ReturnsEmpty()
    {
        var dictionary = DomainDictionary.Load(DictionaryFolder);

        Assert.Empty(dictionary.SynonymsOf("不存在的词"));
        Assert.Null(dictionary.CanonicalOf("不存在的词"));
    }

    [Fact]
    public void Load_CommentsBlankLinesAndOptionalFields_AreParsed()
    {
        using var folder = new TempFolder();
        folder.Write("terms.txt", "# 注释\n\n新就业群体 3000 n\n暖心驿站\n住房公积金 nz\n12345 10\n");
        folder.Write("synonyms.txt", "# 注释\n\n住房公积金,公积金\n抽佣，抽成 , 提成\n");

        var dictionary = DomainDictionary.Load(folder.Path);

        Assert.Equal(
        [
            new DictionaryTerm("新就业群体", 3000, "n"),
            new DictionaryTerm("暖心驿站", null, null),
            new DictionaryTerm("住房公积金", null, "nz"),
            new DictionaryTerm("12345", 10, null),
        ], dictionary.Terms);
        Assert.Equal(["抽成", "提成"], dictionary.SynonymsOf("抽佣"));
    }

    [Fact]
    public void Load_TermLineWithBadFrequency_ThrowsWithLineNumber()
    {
        using var folder = new TempFolder();
        folder.Write("terms.txt", "# 注释\n新就业群体 3000 n\n快递员 很多 n\n");
        folder.Write("synonyms.txt", "住房公积金,公积金\n");

        var error = Assert.Throws<KnowledgeFormatException>(() => DomainDictionary.Load(folder.Path));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("terms.txt:3", error.Message);
    }

    [Theory]
    [InlineData("住房公积金\n")]
    [InlineData("住房公积金,,公积金\n")]
    [InlineData("住房公积金,公积金,公积金\n")]
    public void Load_BadSynonymLine_ThrowsWithLineNumber(string badLine)
    {
        using var folder = new TempFolder();
        folder.Write("terms.txt", "快递员 2000 n\n");
        folder.Write("synonyms.txt", "# 注释\n抽佣,抽成\n" + badLine);

        var error = Assert.Throws<KnowledgeFormatException>(() => DomainDictionary.Load(folder.Path));

        Assert.Equal(3, error.LineNumber);
        Assert.EndsWith("synonyms.txt", error.FilePath);
    }

    [Fact]
    public void Load_CommittedDictionary_HasLayTermsAndHomophones()
    {
        var dictionary = DomainDictionary.Load(DictionaryFolder);

        Assert.Contains(dictionary.LayExpansions, e => e.LayPhrases.Contains("歇脚") && e.PolicyWords.Contains("驿站"));
        Assert.Contains(dictionary.Homophones, r => r.Typed == "工商" && r.Intended == "工伤" && r.Unless.Contains("营业执照"));
    }

    [Fact]
    public void Load_CommittedMinedLayTerms_AreGeneratedMultiCharacterLayWordsApartFromTheHandWrittenOnes()
    {
        var text = File.ReadAllText(Path.Combine(DictionaryFolder, DomainDictionary.MinedLayTermsFileName));
        var dictionary = DomainDictionary.Load(DictionaryFolder);

        Assert.Contains("mine-lay-terms", text.Split('\n')[2], StringComparison.Ordinal); // the header names its generator
        Assert.True(dictionary.MinedLayExpansions.Count >= 50, $"mined: {dictionary.MinedLayExpansions.Count}");
        Assert.All(dictionary.MinedLayExpansions, e =>
        {
            Assert.True(e.LayPhrases.Single().Length >= 2, e.LayPhrases.Single());
            Assert.InRange(e.PolicyWords.Count, 1, new LayTermMinerOptions().MaxPolicyWordsPerLayWord);
        });
    }

    [Fact]
    public void Load_FolderWithoutOptionalFiles_HasNoLayTermsOrHomophones()
    {
        using var folder = new TempFolder();
        folder.Write("terms.txt", "快递员 2000 n\n");
        folder.Write("synonyms.txt", "住房公积金,公积金\n");

        var dictionary = DomainDictionary.Load(folder.Path);

        Assert.Empty(dictionary.LayExpansions);
        Assert.Empty(dictionary.Homophones);
    }

    [Fact]
    public void Load_MinedLayTerms_KeptApartFromTheHandWrittenOnes()
    {
        using var folder = new TempFolder();
        folder.Write("terms.txt", "快递员 2000 n\n");
        folder.Write("synonyms.txt", "住房公积金,公积金\n");
        folder.Write("lay-terms.txt", "歇脚 => 驿站\n");
        folder.Write(DomainDictionary.MinedLayTermsFileName, "# Generated\n# 工资 4/4 in 2 clause sets, G²=15.3\n工钱 => 工资,劳动报酬\n");

        var dictionary = DomainDictionary.Load(folder.Path);

        Assert.Equal(["歇脚"], Assert.Single(dictionary.LayExpansions).LayPhrases);
        var mined = Assert.Single(dictionary.MinedLayExpansions);
        Assert.Equal(["工钱"], mined.LayPhrases);
        Assert.Equal(["工资", "劳动报酬"], mined.PolicyWords);
    }

    [Fact]
    public void LoadDictionary_MinedLayTermsUnderARoot_MergedAndHashed()
    {
        using var root = new TempFolder();
        root.Write("dictionary/terms.txt", "快递员 2000 n\n");
        root.Write("dictionary/synonyms.txt", "住房公积金,公积金\n");
        var before = ServiceBot.Ingestion.KnowledgeSources.LoadDictionary([root.Path]);
        root.Write("dictionary/" + DomainDictionary.MinedLayTermsFileName, "工钱 => 工资\n");

        var after = ServiceBot.Ingestion.KnowledgeSources.LoadDictionary([root.Path]);

        Assert.Empty(before.MinedLayExpansions);
        Assert.Equal(["工资"], Assert.Single(after.MinedLayExpansions).PolicyWords);
        Assert.Empty(after.LayExpansions);
        Assert.NotEqual(before.Hash, after.Hash);
    }

    [Fact]
    public void LoadDictionary_MalformedMinedLayTerms_ReportedAsAFailure()
    {
        using var root = new TempFolder();
        root.Write("dictionary/terms.txt", "快递员 2000 n\n");
        root.Write("dictionary/synonyms.txt", "住房公积金,公积金\n");
        root.Write("dictionary/" + DomainDictionary.MinedLayTermsFileName, "工钱 工资\n");

        var merged = ServiceBot.Ingestion.KnowledgeSources.LoadDictionary([root.Path]);

        Assert.Empty(merged.MinedLayExpansions);
        Assert.EndsWith(DomainDictionary.MinedLayTermsFileName, Assert.Single(merged.Failures).Path);
    }

    [Fact]
    public void ParseLayTerms_Line_SplitsLayPhrasesFromPolicyWords()
    {
        var expansion = Assert.Single(DomainDictionary.ParseLayTerms("# 注释\n歇脚，喝口水 => 驿站,休息\n", "lay-terms.txt"));

        Assert.Equal(["歇脚", "喝口水"], expansion.LayPhrases);
        Assert.Equal(["驿站", "休息"], expansion.PolicyWords);
    }

    [Theory]
    [InlineData("歇脚 驿站")]
    [InlineData("歇脚 => ")]
    [InlineData("歇脚,,喝水 => 驿站")]
    [InlineData("歇脚 => 驿站 => 休息")]
    public void ParseLayTerms_BadLine_ThrowsWithLineNumber(string line)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => DomainDictionary.ParseLayTerms("# 注释\n" + line + "\n", "lay-terms.txt"));

        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void ParseHomophones_Line_ReadsTriggersAndBlockers()
    {
        var rule = Assert.Single(DomainDictionary.ParseHomophones("工商 => 工伤 | 摔,受伤 | 执照\n", "homophones.txt"));

        Assert.Equal(("工商", "工伤"), (rule.Typed, rule.Intended));
        Assert.Equal(["摔", "受伤"], rule.When);
        Assert.Equal(["执照"], rule.Unless);
    }

    [Theory]
    [InlineData("工商 => 工伤")]
    [InlineData("工商 工伤 | 摔")]
    [InlineData(" => 工伤 | 摔")]
    [InlineData("工商 => 工伤 | 摔 | 执照 | 注册")]
    public void ParseHomophones_BadLine_ThrowsWithLineNumber(string line)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => DomainDictionary.ParseHomophones("\n" + line, "homophones.txt"));

        Assert.Equal(2, error.LineNumber);
    }
}
