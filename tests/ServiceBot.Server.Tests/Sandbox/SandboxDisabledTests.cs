using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Backend;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class SandboxDisabledTests
{
    [Fact]
    public async Task MapSandbox_Disabled_ServesNoSandboxRoutesAndUsesConfiguredBackend()
    {
        var server = new ServiceBotServer(new Dictionary<string, string>
        {
            ["Sandbox:Enabled"] = "false",
            ["Backend:BaseUrl"] = "https://gov.example/api/",
        });
        await server.InitializeAsync();
        try
        {
            using var stations = await server.Http.GetAsync("sandbox/api/stations?city=x");

            Assert.Equal(HttpStatusCode.NotFound, stations.StatusCode);
            Assert.Equal(new Uri("https://gov.example/api/"), server.Services.GetRequiredService<BackendAddress>().Resolve());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
