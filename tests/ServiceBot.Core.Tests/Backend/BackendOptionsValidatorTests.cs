using ServiceBot.Backend;

namespace ServiceBot.Core.Tests.Backend;

public sealed class BackendOptionsValidatorTests
{
    private sealed class FixedAddress(Uri? address) : IBackendAddressProvider
    {
        public Uri? GetBaseAddress() => address;
    }

    [Fact]
    public void Validate_NoBaseUrlAndNoSandbox_Fails()
    {
        var result = new BackendOptionsValidator([]).Validate(null, new BackendOptions());
        Assert.True(result.Failed);
        Assert.Contains("Backend:BaseUrl", result.FailureMessage);
    }

    [Fact]
    public void Validate_NoBaseUrlWithSandbox_Succeeds()
    {
        var result = new BackendOptionsValidator([new FixedAddress(null)]).Validate(null, new BackendOptions());
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("sandbox/api")]
    [InlineData("ftp://backend.example/")]
    public void Validate_NotAnAbsoluteHttpAddress_Fails(string baseUrl)
    {
        var result = new BackendOptionsValidator([]).Validate(null, new BackendOptions { BaseUrl = baseUrl });
        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_AbsoluteHttpsAddress_Succeeds()
    {
        var result = new BackendOptionsValidator([]).Validate(null, new BackendOptions { BaseUrl = "https://gov.example/api" });
        Assert.True(result.Succeeded);
    }
}
