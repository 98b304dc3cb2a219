using System.Text.Json.Nodes;

namespace ServiceBot.Cli.Tests.Commands;

public sealed class IngestAndAskCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _knowledge;
    private readonly string _index;

    public IngestAndAskCommandTests()
    {
        _knowledge = FundPolicyKnowledge.Write(_folder);
        _index = Path.Combine(_folder.Path, "index");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Ingest_GoodFolder_SummarisesAndSecondRunChangesNothing()
    {
        var first = await CliRunner.RunAsync("ingest", "--knowledge", _knowledge, "--index", _index);
        var second = await CliRunner.RunAsync("ingest", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("新增 1", first.Output);
        Assert.True(File.Exists(Path.Combine(_index, "manifest.json")));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("无变化", second.Output);
    }

    [Fact]
    public async Task Ingest_BadFile_ExitsNonZeroNamingItAndIndexesTheRest()
    {
        var bad = _folder.Write("knowledge/policies/broken.md", "---\ntitle: [未闭合\n---\n\n正文\n");

        var result = await CliRunner.RunAsync("ingest", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(bad, result.Error);
        Assert.Contains("失败 1", result.Output);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Ingest_MissingKnowledgeFolder_FailsNamingIt()
    {
        var result = await CliRunner.RunAsync("ingest", "--knowledge", Path.Combine(_folder.Path, "nope"), "--index", _index);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Ask_Question_BuildsIndexOnFirstUseAndPrintsCitedMarkdown()
    {
        var result = await CliRunner.RunAsync("ask", "公积金可以付房租吗", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("《住房公积金提取办法》一、(一)", result.Output);
        Assert.Contains("2024-05-01", result.Output);
        Assert.True(File.Exists(Path.Combine(_index, "lexical.bin")));
    }

    [Fact]
    public async Task Ask_Json_PrintsContractObject()
    {
        var result = await CliRunner.RunAsync("ask", "公积金可以付房租吗", "--json", "--knowledge", _knowledge, "--index", _index);

        var json = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(["answer", "grounded", "citations", "handoff"], json.Select(p => p.Key));
        Assert.True(json["grounded"]!.GetValue<bool>());
        var citation = json["citations"]!.AsArray()[0]!;
        Assert.Equal("住房公积金提取办法", citation["source"]!.GetValue<string>());
        Assert.Equal("一、(一)", citation["section"]!.GetValue<string>());
        Assert.StartsWith("(一)租房提取。", citation["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ask_OutOfScopeJson_IsNotGroundedAndHasNoCitations()
    {
        var result = await CliRunner.RunAsync("ask", "红烧肉怎么做", "--json", "--knowledge", _knowledge, "--index", _index);

        var json = JsonNode.Parse(result.Output)!;
        Assert.False(json["grounded"]!.GetValue<bool>());
        Assert.Empty(json["citations"]!.AsArray());
        Assert.Contains("12345", json["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ask_Batch_WritesOneAnswerPerLineWithId()
    {
        var queries = _folder.Write("q.jsonl", "{\"id\":\"a\",\"query\":\"退休了能提取公积金吗\"}\n{\"id\":2,\"query\":\"今天天气怎么样\"}\n");
        var output = Path.Combine(_folder.Path, "out", "a.jsonl");

        var result = await CliRunner.RunAsync("ask", "--queries", queries, "--out", output, "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["a", "2"], lines.Select(l => l["id"]!.ToString()));
        Assert.True(lines[0]["grounded"]!.GetValue<bool>());
        Assert.False(lines[1]["grounded"]!.GetValue<bool>());
        Assert.Equal(["id", "answer", "grounded", "citations", "handoff"], lines[0].Select(p => p.Key));
    }

    [Theory]
    [InlineData("缺少问题")]
    [InlineData("--out 只能与 --queries", "--out", "x.jsonl", "问题")]
    [InlineData("需要 --out", "--queries", "q.jsonl")]
    [InlineData("未知参数 --bogus", "问题", "--bogus", "1")]
    public async Task Ask_BadArguments_IsUsageError(string message, params string[] args)
    {
        var result = await CliRunner.RunAsync(["ask", .. args, "--knowledge", _knowledge, "--index", _index]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Ask_MissingQueriesFile_FailsNamingIt()
    {
        var missing = Path.Combine(_folder.Path, "missing.jsonl");

        var result = await CliRunner.RunAsync("ask", "--queries", missing, "--out", Path.Combine(_folder.Path, "a.jsonl"), "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(missing, result.Error);
    }

    [Fact]
    public async Task Ask_MalformedQueriesFile_FailsWithLineAndWritesNothing()
    {
        var queries = _folder.Write("bad.jsonl", "{\"id\":\"a\",\"query\":\"退休提取\"}\n{\"id\":\"b\",\"query\":\n");
        var output = Path.Combine(_folder.Path, "a.jsonl");

        var result = await CliRunner.RunAsync("ask", "--queries", queries, "--out", output, "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(output));
    }
}
