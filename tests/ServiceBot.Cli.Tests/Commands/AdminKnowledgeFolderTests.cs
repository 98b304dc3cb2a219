using System.Text.Json.Nodes;

namespace ServiceBot.Cli.Tests.Commands;

/// <summary>
/// The admin console's folder (<c>Admin__KnowledgePath</c>, default <c>.servicebot/knowledge-admin</c>) is indexed by the CLI
/// as by the server: uploads and curated answers written from the console are answered by <c>ask</c>. Run as child processes,
/// so the environment of one test never leaks into another.
/// </summary>
public sealed class AdminKnowledgeFolderTests : IDisposable
{
    private const string UploadTitle = "关于试行夜班骑手星光补贴的通知";

    private readonly TempFolder _folder = new();

    public AdminKnowledgeFolderTests() => FundPolicyKnowledge.Write(_folder);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task IngestAndAsk_AdminKnowledgePathConfigured_IndexesAndAnswersFromItsUpload()
    {
        WriteUpload("console");
        var environment = new Dictionary<string, string> { ["Admin__KnowledgePath"] = "console" };

        var ingest = await CliRunner.RunProcessAsync(_folder.Path, environment, null, "ingest", "--knowledge", "knowledge", "--index", "index");
        var ask = await CliRunner.RunProcessAsync(_folder.Path, environment, null, "ask", "夜班骑手星光补贴的标准是多少", "--json", "--knowledge", "knowledge", "--index", "index");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("新增 2", ingest.Output);
        Assert.Equal(UploadTitle, JsonNode.Parse(ask.Output)!["citations"]![0]!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ask_CuratedAnswerInTheDefaultAdminFolder_AnswersWithItsTextCitingItsClause()
    {
        _folder.Write(".servicebot/knowledge-admin/answers/qa-0123456789ab.md", """
            ---
            title: 精选答复：退休了公积金怎么全部取出来
            type: qa
            cites:
              - 《住房公积金提取办法》一、(二)
            ---

            # 精选答复：退休了公积金怎么全部取出来

            <!-- 相似问法
            - 退休了公积金怎么全部取出来
            -->

            退休后可以申请提取住房公积金账户内的全部余额，带上身份证到公积金中心办理。
            """);

        var ask = await CliRunner.RunProcessAsync(_folder.Path, new Dictionary<string, string>(), null,
            "ask", "退休了公积金怎么全部取出来", "--json", "--knowledge", "knowledge", "--index", "index");

        var answer = JsonNode.Parse(ask.Output)!.AsObject();
        Assert.StartsWith("退休后可以申请提取住房公积金账户内的全部余额", answer["answer"]!.GetValue<string>());
        var citation = Assert.Single(answer["citations"]!.AsArray())!;
        Assert.Equal(("住房公积金提取办法", "一、(二)"), (citation["source"]!.GetValue<string>(), citation["section"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ingest_NoAdminFolder_IndexesTheConfiguredFoldersAlone()
    {
        WriteUpload("console");

        var ingest = await CliRunner.RunProcessAsync(_folder.Path, "ingest", "--knowledge", "knowledge", "--index", "index");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("新增 1", ingest.Output);
    }

    private void WriteUpload(string folder)
        => _folder.Write($"{folder}/{UploadTitle}.md", $"""
            ---
            title: {UploadTitle}
            type: policy
            ---

            # {UploadTitle}

            ## 一、补贴对象

            (一)每月夜间接单满六十小时的夜班骑手，可以申请星光补贴。

            (二)夜班骑手星光补贴的标准为每人每月二百元，按季度发放。
            """);
}
