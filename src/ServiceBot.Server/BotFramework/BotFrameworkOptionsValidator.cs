using System.Net;
using Microsoft.Extensions.Options;

namespace ServiceBot.Server.BotFramework;

public sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var errors = new List<string>();
        if (options.AuthenticationEnabled && string.IsNullOrEmpty(options.AppPassword))
            errors.Add("BotFramework:AppPassword is required with BotFramework:AppId: replies need the bot's own token.");
        if (!options.AuthenticationEnabled && !string.IsNullOrEmpty(options.AppPassword))
            errors.Add("BotFramework:AppId is required with BotFramework:AppPassword.");
        CheckUrl(errors, "BotFramework:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(errors, "BotFramework:TokenEndpoint", options.TokenEndpoint);
        if (string.IsNullOrWhiteSpace(options.ValidIssuer)) errors.Add("BotFramework:ValidIssuer must not be empty.");
        if (string.IsNullOrWhiteSpace(options.OAuthScope)) errors.Add("BotFramework:OAuthScope must not be empty.");
        if (options.MaxBodyBytes is < 1024 or > 4 * 1024 * 1024) errors.Add("BotFramework:MaxBodyBytes must lie between 1024 and 4194304.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Signing keys and secrets travel only over https; plain http is allowed for loopback test servers.</summary>
    private static void CheckUrl(List<string> errors, string key, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))))
            errors.Add($"{key} must be an absolute https address (http only on loopback).");
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
