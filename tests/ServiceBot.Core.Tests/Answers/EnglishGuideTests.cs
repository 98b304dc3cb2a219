using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>The English guides (knowledge/guides/en): one per task, marked English, and every section resting on a Chinese clause the repository holds.</summary>
public sealed class EnglishGuideTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>
{
    private static readonly string EnglishGuidesFolder = Path.Combine(KnowledgePaths.KnowledgeFolder, "guides", "en");

    private static IReadOnlyList<KnowledgeDocument> EnglishGuides()
    {
        var result = MarkdownDocumentReader.ReadDirectory(EnglishGuidesFolder);
        Assert.Empty(result.Failures);
        return result.Documents;
    }

    [Fact]
    public void EnglishGuides_EveryCatalogTask_HasOne()
    {
        var tasks = EnglishGuides().Select(g => g.Metadata.GetValueOrDefault(TaskGuideSections.TaskKey)).OfType<string>().ToList();

        Assert.All(IntentNames.Tasks, task => Assert.Single(tasks, t => t == task));
    }

    [Fact]
    public void EnglishGuides_Metadata_MarkedEnglish()
    {
        Assert.All(EnglishGuides(), g => Assert.Equal("en", g.Metadata[MetadataKeys.Language]));
    }

    [Fact]
    public void EnglishGuides_EverySection_RestsOnAChineseClauseTheKnowledgeHolds()
    {
        var chinese = fixture.Knowledge.Chunks.Where(c => KnowledgeLanguage.Of(c) != "en").Select(c => (c.Title, c.Section)).ToHashSet();
        var sections = fixture.Knowledge.Chunks.Where(c => KnowledgeLanguage.Of(c) == "en").ToList();

        Assert.NotEmpty(sections);
        Assert.All(sections, chunk =>
        {
            var basis = ClauseBasis.Of(chunk.Text);
            Assert.True(basis.Any(b => chinese.Contains((b.Title, b.Section))),
                $"{chunk.Id}: none of [{string.Join("; ", basis.Select(b => b.Title + " " + b.Section))}] is in the knowledge");
        });
    }

    [Fact]
    public void EnglishGuides_Sections_HaveEnglishHeadings()
    {
        var sections = new StructuralChunker().Chunk(EnglishGuides().Single(g => g.Metadata.GetValueOrDefault(TaskGuideSections.TaskKey) == IntentNames.FundWithdrawal))
            .Select(c => c.Section).ToList();

        Assert.Contains(TaskGuideSections.EnglishName(TaskGuideSections.Materials), sections);
        Assert.Contains(TaskGuideSections.EnglishName(TaskGuideSections.TimeLimit), sections);
        Assert.Contains(TaskGuideSections.EnglishName(TaskGuideSections.Fees), sections);
    }
}
