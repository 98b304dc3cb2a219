using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Backend;
using ServiceBot.Server.Tests.Sandbox;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Backend;

/// <summary>With no Backend:BaseUrl, the server's plugins reach its own sandbox on whatever port it bound.</summary>
public sealed class ServerDefaultBackendTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public void BackendAddress_Unconfigured_IsTheServersOwnSandbox()
    {
        var address = server.Services.GetRequiredService<BackendAddress>().Resolve();
        Assert.Equal(new Uri(server.BaseAddress, "sandbox/api/"), address);
    }

    [Fact]
    public async Task StationsPlugin_Unconfigured_AnswersFromTheBuiltInSandbox()
    {
        using var scope = server.Services.CreateScope();
        var plugin = scope.ServiceProvider.GetRequiredService<StationsPlugin>();

        var result = await plugin.FindStationsAsync("义乌市");

        Assert.Equal("稠城街道新就业群体服务站", Assert.Single(result.Value!).Name);
    }
}
