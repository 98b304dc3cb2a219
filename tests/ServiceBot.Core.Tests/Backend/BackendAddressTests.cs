using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Backend;

namespace ServiceBot.Core.Tests.Backend;

public sealed class BackendAddressTests
{
    private sealed class FixedAddress(Uri? address) : IBackendAddressProvider
    {
        public Uri? GetBaseAddress() => address;
    }

    private sealed class KeyedAddress(Uri address, string key) : IBackendAddressProvider
    {
        public Uri? GetBaseAddress() => address;

        public IReadOnlyDictionary<string, string> GetHeaders() => new Dictionary<string, string> { ["X-Sandbox-Key"] = key };
    }

    private sealed class InProcessAddress(Uri address, HttpMessageHandler transport) : IBackendAddressProvider
    {
        public Uri? GetBaseAddress() => address;

        public HttpMessageHandler? CreateTransport() => transport;
    }

    private sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    private static BackendAddress Address(string? baseUrl, params IBackendAddressProvider[] providers) =>
        new(Options.Create(new BackendOptions { BaseUrl = baseUrl }), providers);

    [Fact]
    public void Resolve_ConfiguredWithoutTrailingSlash_KeepsLastSegment()
    {
        var root = Address("https://gov.example/api").Resolve();
        Assert.Equal(new Uri("https://gov.example/api/tickets"), new Uri(root, "tickets"));
    }

    [Fact]
    public void Resolve_Configured_WinsOverProvider()
    {
        var root = Address("https://gov.example/api/", new FixedAddress(new Uri("http://127.0.0.1:5000/sandbox/api/"))).Resolve();
        Assert.Equal("gov.example", root.Host);
    }

    [Fact]
    public void Resolve_Unconfigured_UsesFirstProviderThatKnows()
    {
        var root = Address(null, new FixedAddress(null), new FixedAddress(new Uri("http://127.0.0.1:41234/sandbox/api/"))).Resolve();
        Assert.Equal(new Uri("http://127.0.0.1:41234/sandbox/api/"), root);
    }

    [Fact]
    public void Resolve_NobodyKnows_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Address(null, new FixedAddress(null)).Resolve());
    }

    [Fact]
    public void ResolveTarget_Unconfigured_CarriesTheProvidersHeaders()
    {
        var (root, headers) = Address(null, new KeyedAddress(new Uri("http://127.0.0.1:41234/sandbox/api/"), "k1")).ResolveTarget();

        Assert.Equal(new Uri("http://127.0.0.1:41234/sandbox/api/"), root);
        Assert.Equal("k1", headers["X-Sandbox-Key"]);
    }

    [Fact]
    public void ResolveTarget_Configured_SendsNoProviderHeaders()
    {
        var (root, headers) = Address("https://gov.example/api/", new KeyedAddress(new Uri("http://127.0.0.1:5000/sandbox/api/"), "k1")).ResolveTarget();

        Assert.Equal("gov.example", root.Host);
        Assert.Empty(headers);
    }

    [Fact]
    public void ResolveTarget_ConfiguredWithHeaders_SendsThemAndNotTheProviders()
    {
        var options = new BackendOptions { BaseUrl = "http://sandbox:8080/sandbox/api/" };
        options.Headers["X-Sandbox-Key"] = "configured-key-0123";
        var address = new BackendAddress(Options.Create(options), [new KeyedAddress(new Uri("http://127.0.0.1:5000/sandbox/api/"), "k1")]);

        var (root, headers) = address.ResolveTarget();

        Assert.Equal("sandbox", root.Host);
        Assert.Equal("configured-key-0123", Assert.Single(headers).Value);
    }

    [Fact]
    public void CreateTransport_Unconfigured_IsTheTransportOfTheProviderThatKnows()
    {
        using var transport = new AnsweringHandler(_ => new HttpResponseMessage());

        var chosen = Address(null, new FixedAddress(null), new InProcessAddress(new Uri("http://127.0.0.1:41234/sandbox/api/"), transport)).CreateTransport();

        Assert.Same(transport, chosen);
    }

    [Fact]
    public void CreateTransport_Configured_IsNullSoTheCallGoesOverHttp()
    {
        using var transport = new AnsweringHandler(_ => new HttpResponseMessage());

        var chosen = Address("https://gov.example/api/", new InProcessAddress(new Uri("http://127.0.0.1:5000/sandbox/api/"), transport)).CreateTransport();

        Assert.Null(chosen);
    }

    [Fact]
    public async Task TypedClient_ProviderWithTransport_SendsThroughItWithTheProvidersHeaders()
    {
        var seen = new List<HttpRequestMessage>();
        using var transport = new AnsweringHandler(request =>
        {
            seen.Add(request);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""[{"name":"测试服务站","city":"义乌市","district":"稠城街道","address":"一号","hours":"9-17","services":[]}]""",
                    Encoding.UTF8, "application/json"),
            };
        });
        await using var provider = new ServiceCollection()
            .AddSingleton<IBackendAddressProvider>(new KeyedInProcessAddress(new Uri("http://127.0.0.1:41234/sandbox/api/"), "k1", transport))
            .AddServiceBotBackend(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        var client = provider.GetRequiredService<StationsClient>();

        var result = await client.FindAsync("义乌市");

        Assert.Equal("测试服务站", Assert.Single(result.Value!).Name);
        var request = Assert.Single(seen);
        Assert.Equal("/sandbox/api/stations", request.RequestUri!.AbsolutePath);
        Assert.Equal("k1", Assert.Single(request.Headers.GetValues("X-Sandbox-Key")));
    }

    private sealed class KeyedInProcessAddress(Uri address, string key, HttpMessageHandler transport) : IBackendAddressProvider
    {
        public Uri? GetBaseAddress() => address;

        public IReadOnlyDictionary<string, string> GetHeaders() => new Dictionary<string, string> { ["X-Sandbox-Key"] = key };

        public HttpMessageHandler? CreateTransport() => transport;
    }
}
