namespace ServiceBot.Cli.Tests.Commands;

public class ChatCommandTests
{
    [Fact]
    public async Task Chat_QuestionThenTask_AnswersWithSourceAndSubmitsThroughEmbeddedSandbox()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Knowledge__Paths__0"] = Path.Combine(RepositoryFolder.Root(), "knowledge"),
            ["Index__Path"] = Path.Combine(folder.Path, "index"),
            ["State__ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "state.db")}",
            ["Sandbox__ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "sandbox.db")}",
        };
        const string input = """
            骑手每天跑十几个小时，休息权有保障吗？
            我想提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122
            确认
            退出

            """;

        var result = await CliRunner.RunProcessAsync(folder.Path, environment, input, "chat", "--user", "cli-test");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("依据：《关于加强新就业群体服务管理的意见》", result.Output);
        Assert.Contains("1304**********4510", result.Output);
        Assert.Matches(@"办件编号：GJJ-\d{8}-[0-9A-Z]{8}", result.Output);
        Assert.Contains("再见", result.Output);
        Assert.Contains("我是政务小助手", result.Output);
        Assert.Contains("办理：住房公积金提取 · 已提交 · 办件编号：GJJ-", result.Output);
        // Bold is a style, never raw asterisks around words (a masked number keeps its stars).
        Assert.DoesNotMatch(@"\*\*\p{IsCJKUnifiedIdeographs}|\p{IsCJKUnifiedIdeographs}\*\*", result.Output);
        Assert.DoesNotContain("ServiceBot", result.Output);
        Assert.DoesNotContain("fund_withdrawal", result.Output);
        Assert.True(File.Exists(Path.Combine(folder.Path, "sandbox.db")));
    }

    [Fact]
    public async Task Chat_UnknownOption_UsageError()
    {
        var result = await CliRunner.RunAsync("chat", "--colour", "red");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("错误：", result.Error);
    }
}
