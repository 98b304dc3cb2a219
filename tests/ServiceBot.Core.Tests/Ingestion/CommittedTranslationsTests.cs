using System.Text.RegularExpressions;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Ingestion;

/// <summary>
/// The repository's English texts of the laws and the opinion: each section rests on exactly one clause of the document it
/// translates, the one its heading names, and its English text holds no Chinese. The laws themselves live outside the
/// repository, so an article's number is checked against its heading rather than against the law.
/// </summary>
public sealed partial class CommittedTranslationsTests
{
    public static TheoryData<string> LawFiles => [.. Directory.EnumerateFiles(Path.Combine(KnowledgePaths.KnowledgeFolder, "laws", "en"), "*.md")
        .Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Fact]
    public void LawFiles_AllSixteenLaws()
        => Assert.Equal(16, LawFiles.Count);

    [Theory]
    [MemberData(nameof(LawFiles))]
    public void LawTranslation_EachArticleOnceInOrder_RestingOnTheArticleItsHeadingNames(string file)
    {
        var chunks = Chunk(Path.Combine("laws", "en", file), out var original);

        Assert.All(chunks, c => Assert.Equal(DocumentTypes.Law, c.Metadata[MetadataKeys.Type]));
        var numbers = new List<int>();
        foreach (var chunk in chunks)
        {
            var heading = ArticleHeading().Match(chunk.Section);
            Assert.True(heading.Success, $"{file}: heading \"{chunk.Section}\"");
            var basis = Assert.Single(ClauseBasis.Of(chunk.Text));
            Assert.Equal(original, basis.Title);
            var label = ArticleLabel().Match(basis.Section);
            Assert.True(label.Success && ChineseNumber.TryParse(label.Groups["number"].Value, out var number)
                        && (int)number == int.Parse(heading.Groups["number"].Value), $"{file}: {chunk.Section} rests on {basis.Section}");
            numbers.Add(int.Parse(heading.Groups["number"].Value));
            Assert.DoesNotContain(ClauseBasis.WithoutBasis(chunk.Text), TextNormalizer.IsCjk);
        }
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    [Fact]
    public void OpinionTranslation_EveryClauseOfTheOpinionOnce()
    {
        var english = Chunk(Path.Combine("policies", "en", "new-employment-groups-opinion-2025.md"), out var original);
        var chinese = Chunk(Path.Combine("policies", "new-employment-groups-opinion-2025.md"), out _);

        Assert.Equal(chinese.Select(c => c.Section).Distinct(), english.Select(c => Assert.Single(ClauseBasis.Of(c.Text)).Section));
        Assert.All(english, c => Assert.Equal(original, ClauseBasis.Of(c.Text)[0].Title));
        Assert.All(english, c => Assert.DoesNotContain(ClauseBasis.WithoutBasis(c.Text), TextNormalizer.IsCjk));
        Assert.Equal(chinese[0].Title, original);
    }

    private static IReadOnlyList<KnowledgeChunk> Chunk(string relativePath, out string translationOf)
    {
        var document = MarkdownDocumentReader.ReadFile(Path.Combine(KnowledgePaths.KnowledgeFolder, relativePath), KnowledgePaths.KnowledgeFolder);
        translationOf = document.Metadata.GetValueOrDefault(MetadataKeys.TranslationOf) ?? document.Title;
        return new StructuralChunker().Chunk(document);
    }

    [GeneratedRegex(@"^Article (?<number>\d+): \S")]
    private static partial Regex ArticleHeading();

    [GeneratedRegex(@"^第(?<number>[一二三四五六七八九十百零]+)条$")]
    private static partial Regex ArticleLabel();
}
