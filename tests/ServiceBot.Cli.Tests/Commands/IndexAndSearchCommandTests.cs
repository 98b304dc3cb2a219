using System.Globalization;
using System.Text.Json;

namespace ServiceBot.Cli.Tests.Commands;

public class IndexAndSearchCommandTests
{
    private const string Corpus = """
        {"id":"1","law":"工伤保险条例","article":"第十四条","text":"职工有下列情形之一的，应当认定为工伤：在工作时间和工作场所内，因工作原因受到事故伤害的。"}
        {"id":"2","law":"住房公积金管理条例","article":"第二十四条","text":"职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：离休、退休的。"}
        {"id":3,"law":"劳动合同法","article":"第三十条","text":"用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。"}
        """;

    private const string Queries = """
        {"id":"q1","query":"职工上班时摔伤算工伤吗？"}
        {"id":"q2","query":"职工退休了能提取公积金吗"}
        """;

    [Fact]
    public async Task IndexBuildThenSearch_WritesTrecRunAndLatencyLine()
    {
        using var folder = new TempFolder();
        var corpus = folder.Write("corpus.jsonl", Corpus);
        var queries = folder.Write("queries.jsonl", Queries);
        var index = Path.Combine(folder.Path, "index");
        var run = Path.Combine(folder.Path, "out", "run.trec");

        var build = await CliRunner.RunAsync("index", "build", "--corpus", corpus, "--index", index);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("3", build.Output);

        var search = await CliRunner.RunAsync("search", "--index", index, "--queries", queries, "--top", "2", "--run", run);
        Assert.Equal(0, search.ExitCode);

        var lines = File.ReadAllLines(run);
        Assert.Equal(4, lines.Length);
        foreach (var line in lines)
        {
            var fields = line.Split(' ');
            Assert.Equal(6, fields.Length);
            Assert.Equal("Q0", fields[1]);
            Assert.InRange(int.Parse(fields[3], CultureInfo.InvariantCulture), 1, 2);
            Assert.True(double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            Assert.Equal("servicebot", fields[5]);
        }
        Assert.Equal("q1 Q0 1 1", string.Join(' ', lines[0].Split(' ')[..4]));
        Assert.Equal("q2 Q0 2 1", string.Join(' ', lines[2].Split(' ')[..4]));

        using var latency = JsonDocument.Parse(search.LastOutputLine);
        Assert.Equal(2, latency.RootElement.GetProperty("queries").GetInt32());
        Assert.True(latency.RootElement.GetProperty("p50_ms").GetDouble() >= 0);
        Assert.True(latency.RootElement.GetProperty("p99_ms").GetDouble() >= latency.RootElement.GetProperty("p50_ms").GetDouble());
    }

    [Fact]
    public async Task IndexBuild_SeveralCorporaInOneArgument_IndexesAll()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.jsonl", Corpus.Split('\n')[0]);
        var second = folder.Write("b.jsonl", string.Join('\n', Corpus.Split('\n')[1..]));
        var result = await CliRunner.RunAsync("index", "build", "--corpus", $"{first},{second}", "--index", Path.Combine(folder.Path, "ix"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("已索引 3 条", result.Output);
    }

    public static TheoryData<string[]> BadCommandLines => new()
    {
        new[] { "frobnicate" },
        new[] { "index", "build", "--index", "x" },
        new[] { "index", "build", "--corpus", "/no/such/file.jsonl", "--index", "x" },
        new[] { "index", "build", "--corpus", "c.jsonl", "--index", "x", "--colour", "red" },
        new[] { "search", "--index", "/no/such/index", "--queries", "q.jsonl", "--top", "5", "--run", "r.trec" },
        new[] { "search", "--index", "x", "--queries", "q.jsonl", "--top", "ten", "--run", "r.trec" },
        new[] { "search", "--index", "x", "--queries", "q.jsonl", "--top", "-3", "--run", "r.trec" },
        new[] { "search", "--index", "x", "--queries", "q.jsonl", "--top", "5" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task BadCommandLine_ClearMessageAndNonZeroExit(string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("错误：", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task IndexBuild_MalformedCorpusLine_NamesFileAndLine()
    {
        using var folder = new TempFolder();
        var corpus = folder.Write("bad.jsonl", "{\"id\":\"1\",\"text\":\"好\"}\n{\"id\":\"2\",\"text\":\n");
        var result = await CliRunner.RunAsync("index", "build", "--corpus", corpus, "--index", Path.Combine(folder.Path, "ix"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.jsonl", result.Error);
        Assert.Contains("2", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Search_MalformedQueryFile_FailsCleanly()
    {
        using var folder = new TempFolder();
        var corpus = folder.Write("c.jsonl", Corpus);
        var index = Path.Combine(folder.Path, "ix");
        Assert.Equal(0, (await CliRunner.RunAsync("index", "build", "--corpus", corpus, "--index", index)).ExitCode);
        var queries = folder.Write("q.jsonl", "{\"id\":\"q1\"}\n");
        var result = await CliRunner.RunAsync("search", "--index", index, "--queries", queries, "--top", "3", "--run", Path.Combine(folder.Path, "r.trec"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("q.jsonl", result.Error);
    }

    [Fact]
    public async Task Process_NoArguments_PrintsUsageAndExitsNonZero()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunProcessAsync(folder.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("index build", result.Output);
    }
}
