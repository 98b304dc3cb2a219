using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// A current and an expired version of the same policy indexed beside the repository's knowledge, over real HTTP: the
/// question both answer cites the current one marked current; a question about the old one cites it marked expired.
/// </summary>
public sealed class PolicyValidityChatTests : IAsyncLifetime
{
    private const string OldTitle = "某市外卖骑手高温津贴发放办法（2023年）";
    private const string NewTitle = "某市外卖骑手高温津贴发放办法（2026年）";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "servicebot-validity-" + Guid.NewGuid().ToString("N"));
    private ServiceBotServer _server = null!;

    public async Task InitializeAsync()
    {
        Write("policies/heat-allowance-2023.md", OldTitle, "effective: 2023-05-01\nexpires: 2025-12-31\nsuperseded_by: " + NewTitle, 300);
        Write("policies/heat-allowance-2026.md", NewTitle, "effective: 2026-01-01", 450);
        _server = new ServiceBotServer(new Dictionary<string, string>
        {
            ["Knowledge:Paths:1"] = Path.Combine(_folder, "knowledge"),
            ["Index:Path"] = Path.Combine(_folder, "index"),
        });
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Post_QuestionBothVersionsAnswer_CitesTheCurrentOneMarkedCurrent()
    {
        var turn = await new ChatSession(_server.Http).SayAsync("外卖骑手高温津贴每月发多少钱？");

        var citations = turn.Json.GetProperty("citations").EnumerateArray().ToList();
        Assert.True(citations.Count > 0, turn.Reply);
        var lead = citations[0];
        Assert.Equal(NewTitle, lead.GetProperty("source").GetString());
        Assert.Equal("current", lead.GetProperty("validity").GetString());
        Assert.Equal("2026-01-01", lead.GetProperty("effective").GetString());
        Assert.DoesNotContain(citations, c => c.GetProperty("source").GetString() == OldTitle);
        Assert.Contains("450", turn.Reply);
    }

    [Fact]
    public async Task Post_QuestionAboutTheOldPolicy_CitesItMarkedExpired()
    {
        var turn = await new ChatSession(_server.Http).SayAsync("以前旧版的外卖骑手高温津贴标准是每月多少钱？");

        var citations = turn.Json.GetProperty("citations").EnumerateArray().ToList();
        Assert.True(citations.Count > 0, turn.Reply);
        var lead = citations[0];
        Assert.Equal(OldTitle, lead.GetProperty("source").GetString());
        Assert.Equal("expired", lead.GetProperty("validity").GetString());
        Assert.Equal("2023-05-01", lead.GetProperty("effective").GetString());
        Assert.Contains("【已失效】", turn.Reply);
        Assert.Contains("300", turn.Reply);
    }

    [Fact]
    public async Task Post_CitationOfAnUndatedGuide_CarriesCurrentValidity()
    {
        var turn = await new ChatSession(_server.Http).SayAsync("租房可以提取公积金吗？");

        var citations = turn.Json.GetProperty("citations").EnumerateArray().ToList();
        Assert.True(citations.Count > 0, turn.Reply);
        Assert.All(citations, c => Assert.Equal("current", c.GetProperty("validity").GetString()));
        Assert.All(citations, c => Assert.Equal(JsonValueKind.String, c.GetProperty("effective").ValueKind));
    }

    private void Write(string relativePath, string title, string validity, int yuan)
    {
        var file = Path.Combine(_folder, "knowledge", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file,
            $"---\ntitle: {title}\nissuer: 某市人力资源和社会保障局\ntype: policy\nregion: 某市\n{validity}\n---\n\n# {title}\n\n" +
            $"## 一、发放标准\n\n(一)在本市从事外卖配送的骑手，高温津贴标准为每人每月{yuan}元，于每年六月至九月随劳务报酬发放。\n\n" +
            "## 二、发放责任\n\n(二)平台企业及其合作用工企业负责按月足额发放高温津贴，不得以防暑降温饮品等实物代替。\n");
    }
}
