using System.Net;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Hosting;

/// <summary>Liveness and readiness over real HTTP, on a healthy server and on one whose state store cannot answer.</summary>
public sealed class HealthEndpointsTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Live_RunningServer_200()
    {
        var (status, body) = await GetAsync(server.Http, "health/live");

        Assert.Equal((HttpStatusCode.OK, "alive"), (status, body.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Live_RunningServer_ReplyNamesNoWebServer()
    {
        using var response = await server.Http.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task Ready_IndexLoadedAndStoreAnswering_200()
    {
        var (status, body) = await GetAsync(server.Http, "health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("ready", "loaded", "ok"),
            (body.GetProperty("status").GetString(), body.GetProperty("knowledge").GetString(), body.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server.Http, "healthz")).Status);
    }

    [Fact]
    public async Task Ready_StateStoreUnreachable_503NamingTheStoreWhileLiveStays200()
    {
        // Read-only over a database file that does not exist: every read of the state store fails.
        var folder = Path.Combine(Path.GetTempPath(), "servicebot-health-" + Guid.NewGuid().ToString("N"));
        var broken = new ServiceBotServer(new Dictionary<string, string>
        {
            ["State:ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")};Mode=ReadOnly",
        });
        (HttpStatusCode Status, JsonElement Body) ready, live;
        try
        {
            await broken.InitializeAsync();
            ready = await GetAsync(broken.Http, "health/ready");
            live = await GetAsync(broken.Http, "health/live");
        }
        finally
        {
            await broken.DisposeAsync();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal(("not_ready", "loaded", "unavailable"),
            (ready.Body.GetProperty("status").GetString(), ready.Body.GetProperty("knowledge").GetString(), ready.Body.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.OK, live.Status);
    }
}
