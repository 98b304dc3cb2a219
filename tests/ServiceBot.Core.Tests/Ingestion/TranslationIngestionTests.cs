using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Core.Tests.Ingestion;

/// <summary>An English translation of a law, indexed beside its Chinese original and only while the original is there.</summary>
public sealed class TranslationIngestionTests : IDisposable
{
    private const string ChineseTitle = "某市快递员权益保护条例";
    private const string EnglishTitle = "Regulations on Protecting Couriers' Rights (English translation)";

    // The shipped refusal model was fitted on the shipped knowledge; these fictitious regulations are answered by the rule.
    private static readonly ExtractiveAnswerComposer RuleOnly = new(Options.Create(new AnswerOptions { UseRefusalModel = false }));

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _laws = new();
    private readonly TempFolder _index = new();

    public TranslationIngestionTests()
    {
        _knowledge.Write("laws/en/couriers.md", $"""
            ---
            title: {EnglishTitle}
            type: law
            language: en
            translation_of: {ChineseTitle}
            ---

            # {EnglishTitle}

            ## Article 1: Purpose

            These regulations protect the lawful rights of couriers.

            Based on: 《{ChineseTitle}》第一条

            ## Article 2: Deposits for delivery tricycles

            A courier station shall not ask a courier to pay a deposit for a delivery tricycle, and shall return any deposit
            already paid within 7 days.

            Based on: 《{ChineseTitle}》第二条

            <!-- 相似问法
            - the station took 500 yuan from me for the tricycle, can I get it back
            -->
            """);
        _laws.Write("某市快递员权益保护条例.md", $"""
            # {ChineseTitle}

            第一条 为了保护快递员的合法权益，制定本条例。

            第二条 快递网点不得向快递员收取三轮车押金，已经收取的，应当在七日内退还。
            """);
    }

    public void Dispose()
    {
        _knowledge.Dispose();
        _laws.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Ingest_WithTheOriginal_SectionsTheTranslationByArticleHeadings()
    {
        await Ingest(_knowledge.Path, _laws.Path);

        var english = KnowledgeBase.Load(_index.Path).Chunks.Where(c => c.Title == EnglishTitle).ToList();

        Assert.Equal(["Article 1: Purpose", "Article 2: Deposits for delivery tricycles"], english.Select(c => c.Section));
        Assert.All(english, c => Assert.Equal(DocumentTypes.Law, c.Metadata[MetadataKeys.Type]));
        Assert.Equal([new ClauseReference(ChineseTitle, "第二条")], ClauseBasis.Of(english[1].Text));
    }

    [Fact]
    public async Task Compose_EnglishQuestion_QuotesTheTranslationAndCitesTheChineseArticle()
    {
        await Ingest(_knowledge.Path, _laws.Path);
        var knowledge = KnowledgeBase.Load(_index.Path);

        var answer = RuleOnly.Compose(knowledge, "Can the courier station ask me to pay a deposit for the delivery tricycle?");

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Equal((EnglishTitle, "Article 2: Deposits for delivery tricycles"), (answer.Citations[0].Source, answer.Citations[0].Section));
        Assert.Equal((ChineseTitle, "第二条"), (answer.Citations[1].Source, answer.Citations[1].Section));
        Assert.Contains("押金", answer.Citations[1].Text);
        Assert.Contains("shall return any deposit", answer.Markdown);
        Assert.StartsWith("The text above is an unofficial English translation", answer.Markdown.Split('\n')[^1]);
    }

    [Fact]
    public async Task Compose_EnglishQuestionWithTypos_ReadsThemAsTheLexiconsWords()
    {
        await Ingest(_knowledge.Path, _laws.Path);
        var knowledge = KnowledgeBase.Load(_index.Path);

        var answer = RuleOnly.Compose(knowledge, "Can the station keep my depsoit for the tricycle?");

        Assert.Equal("Can the station keep my deposit for the tricycle?", knowledge.EnglishSpelling.Correct("Can the station keep my depsoit for the tricycle?").Text);
        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Equal((EnglishTitle, "Article 2: Deposits for delivery tricycles"), (answer.Citations[0].Source, answer.Citations[0].Section));
    }

    [Fact]
    public async Task Ingest_WithoutTheOriginal_LeavesTheTranslationOutUntilTheOriginalArrives()
    {
        var alone = await Ingest(_knowledge.Path);
        Assert.Empty(alone.Failures);
        Assert.Empty(KnowledgeBase.Load(_index.Path).Chunks);
        Assert.Equal(0, alone.Chunks);

        var unchanged = await Ingest(_knowledge.Path);
        Assert.False(unchanged.IndexRewritten);
        Assert.Equal(0, unchanged.Chunks);

        await Ingest(_knowledge.Path, _laws.Path);
        Assert.Contains(KnowledgeBase.Load(_index.Path).Chunks, c => c.Title == EnglishTitle);
    }

    [Fact]
    public async Task Compose_EnglishQuestionOnALawWithoutTranslation_QuotesTheChineseArticleUnderAnEnglishNote()
    {
        File.Delete(Path.Combine(_knowledge.Path, "laws", "en", "couriers.md"));
        _knowledge.Write("dictionary/terms.txt", "快递员 2000 n\n押金 2000 n\n");
        await Ingest(_knowledge.Path, _laws.Path);
        var knowledge = KnowledgeBase.Load(_index.Path);

        var answer = RuleOnly.Compose(knowledge, "Can they ask couriers for a deposit?");

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Equal((ChineseTitle, "第二条"), (answer.Citations[0].Source, answer.Citations[0].Section));
        Assert.StartsWith("No English text of this rule is available", answer.Markdown);
        Assert.Contains("押金", answer.Markdown);
        Assert.DoesNotContain(ExtractiveAnswerComposer.Disclaimer, answer.Markdown);
    }

    [Fact]
    public async Task EnglishFieldWords_AWordOnlyALawTranslationUses_IsAnotherFieldsWord()
    {
        _knowledge.Write("guides/en/stations.md", """
            ---
            title: Rest Station Guide
            type: guide
            language: en
            ---

            # Rest Station Guide

            ## Services

            Rest stations offer drinking water and phone charging to couriers.
            """);
        await Ingest(_knowledge.Path, _laws.Path);
        var knowledge = KnowledgeBase.Load(_index.Path);

        var field = knowledge.EnglishFieldWords;
        var terms = new GroundingScorer(knowledge.Lexical, englishField: field).Terms("tricycle water");

        Assert.Contains("water", field);
        Assert.DoesNotContain("tricycle", field);
        Assert.True(terms.Single(t => t.Word == "tricycle").Foreign);
        Assert.False(terms.Single(t => t.Word == "water").Foreign);
        // Without the field, any word the index holds belongs to it, the law translation's included.
        Assert.False(new GroundingScorer(knowledge.Lexical).Terms("tricycle water").Single(t => t.Word == "tricycle").Foreign);
    }

    private Task<IngestionReport> Ingest(params string[] paths)
        => new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [.. paths] }), Options.Create(new IndexOptions { Path = _index.Path }))
            .RunAsync();
}
