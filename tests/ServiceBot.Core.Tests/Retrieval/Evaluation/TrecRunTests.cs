using System.Globalization;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Core.Tests.Retrieval.Evaluation;

public class TrecRunTests
{
    [Fact]
    public void Write_Hits_ProducesExactTrecLines()
    {
        var output = new StringWriter();

        new TrecRunWriter(output).Write("q7", [new SearchHit("705", 12.5f), new SearchHit("lrb-3", 0.25f)]);

        Assert.Equal("q7 Q0 705 1 12.5 servicebot\nq7 Q0 lrb-3 2 0.25 servicebot\n", output.ToString());
    }

    [Fact]
    public void Write_CustomTag_UsesTagInLastColumn()
    {
        var output = new StringWriter();

        new TrecRunWriter(output, "lucene-bm25").Write("1", [new SearchHit("d", 1f)]);

        Assert.Equal("1 Q0 d 1 1 lucene-bm25\n", output.ToString());
    }

    [Fact]
    public void Write_CommaDecimalCulture_StillUsesDecimalPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var output = new StringWriter(CultureInfo.GetCultureInfo("de-DE"));

            new TrecRunWriter(output).Write("1", [new SearchHit("d", 1.5f)]);

            Assert.Equal("1 Q0 d 1 1.5 servicebot\n", output.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("q 1", "d")]
    [InlineData("q1", "doc id")]
    [InlineData("", "d")]
    public void Write_IdWithWhitespaceOrEmpty_Throws(string queryId, string docId)
    {
        var writer = new TrecRunWriter(new StringWriter());

        Assert.Throws<ArgumentException>(() => writer.Write(queryId, [new SearchHit(docId, 1f)]));
    }

    [Fact]
    public void WriteFileThenReadFile_RoundTrip_PreservesRankingsAndScores()
    {
        var run = new List<(string, IReadOnlyList<SearchHit>)>
        {
            ("0", [new SearchHit("705", 23.456789f), new SearchHit("49282", 1e-7f), new SearchHit("lrb-1", -0.1f)]),
            ("5", [new SearchHit("707", 0.1f)]),
        };
        var path = Path.Combine(Path.GetTempPath(), $"servicebot-run-{Guid.NewGuid():N}.trec");
        try
        {
            TrecRunWriter.WriteFile(path, run, "t");
            var lines = TrecRunReader.ReadFile(path);
            var rankings = TrecRunReader.ToRankings(lines);

            Assert.Equal([1, 2, 3, 1], lines.Select(l => l.Rank));
            Assert.All(lines, l => Assert.Equal("t", l.Tag));
            Assert.Equal(run[0].Item2, rankings["0"]);
            Assert.Equal(run[1].Item2, rankings["5"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToRankings_LinesOutOfOrder_OrdersByRank()
    {
        var rankings = TrecRunReader.ToRankings(
        [
            new TrecRunLine("q", "b", 2, 1f, "t"),
            new TrecRunLine("q", "a", 1, 2f, "t"),
        ]);

        Assert.Equal(["a", "b"], rankings["q"].Select(h => h.Id));
    }

    [Theory]
    [InlineData("q Q0 d 1 1.0", "6 columns")]
    [InlineData("q Q0 d one 1.0 t", "rank")]
    [InlineData("q Q0 d 1 1,5 t", "score")]
    public void Read_MalformedLine_ThrowsWithLineNumber(string badLine, string reasonFragment)
    {
        var input = new StringReader("q Q0 d 1 1.0 t\n" + badLine + "\n");

        var ex = Assert.Throws<CorpusFormatException>(() => TrecRunReader.Read(input, "run.trec"));

        Assert.Equal(("run.trec", 2), (ex.Path, ex.LineNumber));
        Assert.Contains(reasonFragment, ex.Reason);
    }
}
