using System.Net;
using System.Net.Http.Headers;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>With no accounts configured, the desk refuses everyone, whatever token they bring.</summary>
public sealed class NoStaffAccountsTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Theory]
    [InlineData("")]
    [InlineData("anything")]
    public async Task Queue_NoAccountsConfigured_401(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/agent/conversations");
        if (token.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Page_NoAccountsConfigured_StillServedWithSignIn()
    {
        using var response = await server.Http.GetAsync("agent");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录", await response.Content.ReadAsStringAsync());
    }
}
