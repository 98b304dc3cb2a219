using System.Net;
using System.Net.Http.Json;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Hosting;

/// <summary>The server process reads its own appsettings.json whatever directory it starts in.</summary>
public sealed class AppSettingsLocationTests
{
    [Fact]
    public async Task StartedFromAnotherDirectory_ShippedLogLevelsApply_NoRequestLinesOrQueryStrings()
    {
        var directory = Path.Combine(Path.GetTempPath(), "servicebot-appsettings-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using (var server = await ServerProcess.StartAsync(new Dictionary<string, string>
            {
                ["State__ConnectionString"] = $"Data Source={Path.Combine(directory, "state.db")}",
                ["Sandbox__ConnectionString"] = $"Data Source={Path.Combine(directory, "sandbox.db")}",
                ["Index__Path"] = Path.Combine(directory, "index"),
                ["Knowledge__Paths__0"] = RepositoryPaths.Knowledge,
            }, workingDirectory: directory))
            {
                using var chat = await server.Http.PostAsJsonAsync("api/chat", new { userId = "appsettings-user", text = "公积金怎么提取" });
                using var tickets = await server.Http.GetAsync("sandbox/api/tickets?idNumber=130402199003074510");
                Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
                Assert.Equal(HttpStatusCode.OK, tickets.StatusCode);
                await Task.Delay(500); // the console logger writes on a background thread

                var log = string.Join('\n', server.Output);
                Assert.Contains("Now listening on", log);
                Assert.DoesNotContain("Request starting", log);
                Assert.DoesNotContain("idNumber=", log);
                Assert.DoesNotContain("130402199003074510", log);
            }
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
