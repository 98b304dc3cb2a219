using Microsoft.Data.Sqlite;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>A server killed mid-dialogue and started again on the same files resumes the task with its slots.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "servicebot-restart-tests", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Environment => new()
    {
        ["State__ConnectionString"] = $"Data Source={Path.Combine(_directory, "state.db")}",
        ["Sandbox__ConnectionString"] = $"Data Source={Path.Combine(_directory, "sandbox.db")}",
        ["Index__Path"] = Path.Combine(_directory, "index"),
        ["Knowledge__Paths__0"] = RepositoryPaths.Knowledge,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    [Fact]
    public async Task KillMidDialogue_Restart_TaskResumesWithSlotsAndTokenAndSubmitsOnce()
    {
        string userId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        ChatTurn beforeKill;
        string? userToken;
        await using (var first = await ServerProcess.StartAsync(Environment))
        {
            var chat = new ChatSession(first.Http, userId);
            await chat.SayAsync("我想提取公积金");
            await chat.SayAsync("130402199003074510");
            beforeKill = await chat.SayAsync("租房");
            userToken = chat.UserToken;
            Assert.Equal(["amount", "bank_card"], beforeKill.Missing);
            await first.KillAsync();
        }

        // No Chat__TokenSecret: the secret was generated at the first start and kept beside the state database.
        var keyFile = Path.Combine(_directory, "chat-token.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        await using var second = await ServerProcess.StartAsync(Environment);
        // No conversation id: the user's open conversation continues, as a channel would resume it, and the token
        // issued before the kill is still accepted (the server refuses later turns without a valid one).
        var resumed = new ChatSession(second.Http, userId, userToken);
        var amount = await resumed.SayAsync("3000元");
        Assert.Equal(beforeKill.ConversationId, amount.ConversationId);
        Assert.Equal("fund_withdrawal", amount.TaskName);
        Assert.Equal("1304**********4510", amount.Slot("id_number")); // masked at the edge; the full value stays on the server
        Assert.Equal("rent", amount.Slot("reason"));
        Assert.Equal(["bank_card"], amount.Missing);

        await resumed.SayAsync("6217001234567890122");
        var done = await resumed.SayAsync("确认");
        Assert.Equal("submitted", done.State);
        var tickets = await second.Http.GetStringAsync("sandbox/api/tickets?idNumber=130402199003074510");
        Assert.Single(System.Text.Json.JsonDocument.Parse(tickets).RootElement.EnumerateArray());
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
