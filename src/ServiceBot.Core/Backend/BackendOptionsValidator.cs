using Microsoft.Extensions.Options;

namespace ServiceBot.Backend;

/// <summary>Fails at start when the plugins would have nowhere to send their calls.</summary>
public sealed class BackendOptionsValidator(IEnumerable<IBackendAddressProvider> providers) : IValidateOptions<BackendOptions>
{
    public ValidateOptionsResult Validate(string? name, BackendOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
            return providers.Any()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Backend:BaseUrl is required when no built-in sandbox runs in this process.");
        return Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Backend:BaseUrl '{options.BaseUrl}' must be an absolute http or https address.");
    }
}
