using Microsoft.Extensions.Options;

namespace ServiceBot.Server.WeChat;

/// <summary>Fails at start on settings WeChat would reject later, one request at a time.</summary>
public sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var errors = new List<string>();
        if (!options.Enabled)
        {
            if (options.SafeModeEnabled || options.CustomerServiceEnabled)
                errors.Add("WeChat:Token is required when WeChat:EncodingAesKey or WeChat:CustomerServiceBaseUrl is set.");
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (options.Token!.Length > 32 || !options.Token.All(char.IsAsciiLetterOrDigit))
            errors.Add("WeChat:Token must be 1 to 32 ASCII letters or digits.");
        if (options.SafeModeEnabled)
        {
            if (!WeChatCrypto.IsValidKey(options.EncodingAesKey!))
                errors.Add("WeChat:EncodingAesKey must be 43 letters or digits (Base64 of a 32-byte key without '=').");
            if (string.IsNullOrEmpty(options.AppId))
                errors.Add("WeChat:AppId (the AppID, or the WeCom corpid) is required with WeChat:EncodingAesKey: encrypted messages carry it.");
        }
        if (options.CustomerServiceEnabled)
        {
            var url = options.CustomerServiceBaseUrl!;
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                errors.Add("WeChat:CustomerServiceBaseUrl must be an absolute http or https address.");
            if (string.IsNullOrEmpty(options.AppId) || string.IsNullOrEmpty(options.AppSecret))
                errors.Add("WeChat:AppId and WeChat:AppSecret are required with WeChat:CustomerServiceBaseUrl: the access token needs them.");
        }
        if (options.ReplyTimeout < TimeSpan.FromMilliseconds(100) || options.ReplyTimeout > TimeSpan.FromSeconds(4.5))
            errors.Add("WeChat:ReplyTimeout must lie between 00:00:00.1 and 00:00:04.5: WeChat abandons a delivery after 5 seconds.");
        if (options.RetryWindow < options.ReplyTimeout || options.RetryWindow > TimeSpan.FromSeconds(30))
            errors.Add("WeChat:RetryWindow must lie between WeChat:ReplyTimeout and 30 seconds.");
        if (options.SignatureWindow < TimeSpan.FromSeconds(30) || options.SignatureWindow > TimeSpan.FromMinutes(30))
            errors.Add("WeChat:SignatureWindow must lie between 00:00:30 and 00:30:00: WeChat signs each delivery at the moment it sends it.");
        if (options.MaxBodyBytes is < 1024 or > 1024 * 1024)
            errors.Add("WeChat:MaxBodyBytes must lie between 1024 and 1048576.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
