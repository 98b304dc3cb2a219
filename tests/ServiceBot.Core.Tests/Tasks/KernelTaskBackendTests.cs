using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;
using ServiceBot.Backend;
using ServiceBot.Tasks;

namespace ServiceBot.Core.Tests.Tasks;

public sealed class KernelTaskBackendTests
{
    private sealed class DelegateHandler(Func<HttpRequestMessage, string, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            return respond(request, body);
        }
    }

    private static KernelTaskBackend Backend(Func<HttpRequestMessage, string, HttpResponseMessage> respond)
    {
        var http = new HttpClient(new DelegateHandler(respond)) { BaseAddress = new Uri("http://sandbox.test/sandbox/api/") };
        return new KernelTaskBackend(
        [
            KernelPluginFactory.CreateFromObject(new HousingFundPlugin(new HousingFundClient(http)), "HousingFund"),
            KernelPluginFactory.CreateFromObject(new StationsPlugin(new StationsClient(http)), "Stations"),
        ]);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json")
        => new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    private static Dictionary<string, object?> Withdrawal(string key) => new()
    {
        ["idNumber"] = "130402199003074510", ["reason"] = "rent", ["amount"] = 3000m, ["bankCard"] = "6217001234567890122", ["idempotencyKey"] = key,
    };

    [Fact]
    public async Task InvokeAsync_Submission_PostsSlotsWithIdempotencyKeyAndReturnsTicket()
    {
        HttpRequestMessage? sent = null;
        var body = "";
        var backend = Backend((request, content) =>
        {
            (sent, body) = (request, content);
            return Json(HttpStatusCode.Created,
                """{"ticket":"GJJ-20261128-000001","task":"fund_withdrawal","status":"已受理","slots":{"id_number":"130402199003074510","reason":"rent","amount":"3000","bank_card":"6217001234567890122"},"createdAt":"2026-11-28T02:00:00Z"}""");
        });

        var result = await backend.InvokeAsync("HousingFund", "SubmitWithdrawal", Withdrawal("c-1:t-1"), CancellationToken.None);

        var submission = Assert.IsType<SubmissionResult>(result);
        Assert.Equal((true, "GJJ-20261128-000001"), (submission.Accepted, submission.Ticket));
        Assert.Equal(HttpMethod.Post, sent!.Method);
        Assert.Equal("/sandbox/api/housing-fund/withdrawals", sent.RequestUri!.AbsolutePath);
        Assert.Equal("c-1:t-1", Assert.Single(sent.Headers.GetValues("Idempotency-Key")));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(3000m, json.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal("rent", json.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task InvokeAsync_BusinessRuleRefusal_ReturnsRefusalWithBackendMessage()
    {
        var backend = Backend((_, _) => Json(HttpStatusCode.UnprocessableEntity,
            """{"title":"不符合办理条件","status":422,"detail":"封存账户不能按租房提取。","code":"account_not_active"}""", "application/problem+json"));

        var result = await backend.InvokeAsync("HousingFund", "SubmitWithdrawal", Withdrawal("c-1:t-2"), CancellationToken.None);

        var refusal = Assert.IsType<SubmissionResult>(result);
        Assert.Equal((false, "account_not_active", "封存账户不能按租房提取。"), (refusal.Accepted, refusal.ErrorCode, refusal.Message));
    }

    [Fact]
    public async Task InvokeAsync_Lookup_PassesOptionalNullAndReturnsStations()
    {
        Uri? asked = null;
        var backend = Backend((request, _) =>
        {
            asked = request.RequestUri;
            return Json(HttpStatusCode.OK,
                """[{"name":"丛台驿站","city":"邯郸市","district":"丛台区","address":"丛台路1号","hours":"全天","services":["饮水"]}]""");
        });

        var result = await backend.InvokeAsync("Stations", "FindStations",
            new Dictionary<string, object?> { ["city"] = "邯郸市", ["district"] = null }, CancellationToken.None);

        var stations = Assert.IsType<LookupResult<IReadOnlyList<ServiceStation>>>(result);
        Assert.Equal("丛台驿站", Assert.Single(stations.Value!).Name);
        Assert.DoesNotContain("district", asked!.Query);
    }
}
