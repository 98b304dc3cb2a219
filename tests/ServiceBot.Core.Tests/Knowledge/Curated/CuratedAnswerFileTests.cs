using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Curated;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Core.Tests.Knowledge.Curated;

public sealed class CuratedAnswerFileTests
{
    private static readonly CuratedAnswer Entry = new(
        ["骑手住的城中村房租太贵了政府管不管", "骑手租房贵有补贴吗"],
        "# 不是标题\n- 不是列表\n\n  各地将完善骑手住宿保障。  ",
        [new CitedClause("关于加强新就业群体服务管理的意见", "四、(九)"), new CitedClause("中华人民共和国劳动法", "第三条")]);

    [Fact]
    public void Format_Entry_DocumentedFrontMatterQuestionsAndEscapedLines()
    {
        var markdown = CuratedAnswerFile.Format(Entry);

        Assert.StartsWith("---\ntitle: 精选答复：骑手住的城中村房租太贵了政府管不管\ntype: qa\ncites:\n  - 《关于加强新就业群体服务管理的意见》四、(九)\n  - 《中华人民共和国劳动法》第三条\n---\n", markdown);
        Assert.Contains("<!-- 相似问法\n- 骑手住的城中村房租太贵了政府管不管\n- 骑手租房贵有补贴吗\n-->", markdown);
        Assert.Contains("\n\\# 不是标题\n", markdown);
    }

    [Fact]
    public void Parse_FormattedEntry_ReadsBackTheSameEntry()
    {
        var back = CuratedAnswerFile.Parse(CuratedAnswerFile.Format(Entry), "answers/qa-1.md");

        Assert.Equal(Entry.Questions, back.Questions);
        Assert.Equal("# 不是标题\n- 不是列表\n各地将完善骑手住宿保障。", back.Text);
        Assert.Equal(Entry.Citations, back.Citations);
    }

    [Fact]
    public void Chunk_FormattedEntry_OneQaChunkWithTheQuestionsAndCitations()
    {
        var document = MarkdownDocumentReader.Parse(CuratedAnswerFile.Format(Entry), "answers/qa-1", "answers/qa-1.md");

        var chunk = Assert.Single(new StructuralChunker().Chunk(document));

        Assert.True(CuratedAnswerFile.IsCurated(chunk));
        Assert.Equal(Entry.Questions, chunk.SimilarQuestions);
        Assert.Equal(Entry.Citations, CuratedAnswerFile.CitationsOf(chunk));
        Assert.EndsWith("各地将完善骑手住宿保障。", chunk.Text);
    }

    [Theory]
    [InlineData("《劳动法》第三条", "劳动法", "第三条")]
    [InlineData(" 《关于…的意见》 四、(九) ", "关于…的意见", "四、(九)")]
    public void CitedClauseParse_Labelled_SourceAndSection(string text, string source, string section)
        => Assert.Equal(new CitedClause(source, section), CitedClause.Parse(text));

    [Theory]
    [InlineData("劳动法第三条")]
    [InlineData("《劳动法》")]
    [InlineData("《》第三条")]
    public void CitedClauseParse_Malformed_Null(string text) => Assert.Null(CitedClause.Parse(text));

    [Fact]
    public void FileNameFor_SameKey_SameName()
        => Assert.Equal(CuratedAnswerFile.FileNameFor("骑手租房贵"), CuratedAnswerFile.FileNameFor("骑手租房贵"));
}
