using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Backend;

namespace ServiceBot.Core.Tests.Backend;

/// <summary>The resilience handler as registered by <c>AddServiceBotBackend</c>, over a scripted transport.</summary>
public sealed class BackendResilienceTests
{
    /// <summary>Answers each request with the next scripted status and records what it was sent.</summary>
    private sealed class ScriptedTransport(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _next;
        public List<(HttpMethod Method, string? Key)> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add((request.Method, request.Headers.TryGetValues(BackendRetry.IdempotencyHeader, out var v) ? v.Single() : null));
                var status = statuses[Math.Min(_next++, statuses.Length - 1)];
                var body = new TicketInfo("GJJ-20250601-000001", "fund_withdrawal", "已受理", new Dictionary<string, string>(), DateTimeOffset.UnixEpoch);
                return Task.FromResult(new HttpResponseMessage(status) { Content = JsonContent.Create(body) });
            }
        }
    }

    private static ServiceProvider Services(ScriptedTransport transport)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Backend:BaseUrl"] = "http://backend.test/api/" })
            .Build();
        var services = new ServiceCollection().AddServiceBotBackend(configuration);
        services.AddHttpClient<HousingFundClient>().ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task SubmitWithdrawal_TransientFailure_RetriedWithTheSameKeyAndAccepted()
    {
        var transport = new ScriptedTransport(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        await using var services = Services(transport);

        var result = await services.GetRequiredService<HousingFundClient>()
            .SubmitWithdrawalAsync(new FundWithdrawalApplication("130402199003074510", "rent", 100m, "6217001234567890122"), "key-42");

        Assert.True(result.Accepted);
        Assert.Equal([(HttpMethod.Post, "key-42"), (HttpMethod.Post, "key-42")], transport.Seen);
    }

    [Fact]
    public async Task Post_WithoutKey_NotRetried()
    {
        var transport = new ScriptedTransport(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        await using var services = Services(transport);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HousingFundClient));

        using var response = await http.PostAsJsonAsync("housing-fund/withdrawals", new { });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(transport.Seen);
    }

    [Fact]
    public async Task GetAccount_TransientFailure_Retried()
    {
        var transport = new ScriptedTransport(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        await using var services = Services(transport);

        await services.GetRequiredService<HousingFundClient>().GetAccountAsync("130402199003074510");

        Assert.Equal(2, transport.Seen.Count);
    }
}
