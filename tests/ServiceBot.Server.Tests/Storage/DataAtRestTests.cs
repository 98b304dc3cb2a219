using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Storage;

/// <summary>
/// What users type reaches the state database only encrypted, over the real routes: conversation state, replies, handoff
/// transcripts and feedback comments. The database and key files are the service account's alone.
/// </summary>
public sealed class DataAtRestTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string Card = "6217001234567890122";
    private const string Phone = "13800001111";

    private string KeysPath => Path.Combine(Path.GetDirectoryName(server.StateDatabasePath)!, "keys");

    [Fact]
    public async Task Chat_TypedIdCardAndPhone_NotInDatabaseFilesAndConversationResumesAfterRestart()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync($"我想提取公积金，身份证{ZhangWei}，租房");
        var cardTurn = await user.SayAsync($"银行卡{Card}", messageId: "m-card-" + user.UserId);
        using (var feedback = await server.Http.PostAsJsonAsync("api/feedback", new
               {
                   conversationId = user.ConversationId, messageId = "m-card-" + user.UserId, rating = "down", comment = $"有问题请打我电话{Phone}",
               }))
            feedback.EnsureSuccessStatusCode();
        Assert.True((await user.SayAsync("转人工")).Handoff);   // the history, ID and card included, becomes the handoff transcript
        Assert.False((await user.SayAsync("返回机器人")).Handoff);
        Assert.Equal(["amount"], cardTurn.Missing);

        var files = StateFileBytes();
        foreach (var secret in new[] { ZhangWei, Card, Phone })
            Assert.Equal(-1, files.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));

        await server.RestartAsync();
        var resumed = new ChatSession(server.Http, user.UserId, user.UserToken);
        var amount = await resumed.SayAsync("3000元");
        Assert.Equal(user.ConversationId, amount.ConversationId);
        Assert.Equal("confirming", amount.State);
        Assert.Equal("1304**********4510", amount.Slot("id_number"));
        Assert.Equal("6217 **** **** 0122", amount.Slot("bank_card"));
        var comments = await server.Http.GetFromJsonAsync<JsonElement>($"api/feedback?conversationId={user.ConversationId}");
        Assert.Equal($"有问题请打我电话{Phone}", Assert.Single(comments.EnumerateArray()).GetProperty("comment").GetString());
    }

    [UnixFact, UnsupportedOSPlatform("windows")]
    public async Task Chat_FirstTurn_DatabaseAndKeyFilesOwnerOnly()
    {
        await new ChatSession(server.Http).SayAsync($"我想提取公积金，身份证{ZhangWei}");

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var database = server.StateDatabasePath;
        Assert.All(new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists), f => Assert.Equal(ownerOnly, File.GetUnixFileMode(f)));
        Assert.True(File.Exists(database + "-wal"));
        Assert.Equal(ownerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(KeysPath));
        var keys = Directory.GetFiles(KeysPath, "*.xml");
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(ownerOnly, File.GetUnixFileMode(key)));
    }

    /// <summary>The database file and its write-ahead log, read while the server has them open, as anyone with the disk would.</summary>
    private byte[] StateFileBytes()
    {
        var bytes = new List<byte>();
        foreach (var file in new[] { server.StateDatabasePath, server.StateDatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes.AddRange(copy.ToArray());
        }
        Assert.NotEmpty(bytes);
        return [.. bytes];
    }
}
