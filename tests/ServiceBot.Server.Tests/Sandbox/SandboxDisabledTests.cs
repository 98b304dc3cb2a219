using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Backend;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class SandboxDisabledTests
{
    private sealed class DisabledFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
            .UseSetting("Sandbox:Enabled", "false")
            .UseSetting("Backend:BaseUrl", "https://gov.example/api/");
    }

    [Fact]
    public async Task MapSandbox_Disabled_ServesNoSandboxRoutesAndUsesConfiguredBackend()
    {
        await using var factory = new DisabledFactory();
        using var http = factory.CreateClient();

        using var health = await http.GetAsync("/healthz");
        using var stations = await http.GetAsync("/sandbox/api/stations?city=x");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stations.StatusCode);
        Assert.Equal(new Uri("https://gov.example/api/"), factory.Services.GetRequiredService<BackendAddress>().Resolve());
    }
}
