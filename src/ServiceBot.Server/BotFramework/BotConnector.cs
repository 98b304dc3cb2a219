using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace ServiceBot.Server.BotFramework;

/// <summary>Posts activities to the channel's Connector service at the incoming activity's serviceUrl.</summary>
public sealed class BotConnector(IHttpClientFactory httpFactory, BotTokens tokens, IOptions<BotFrameworkOptions> options)
{
    /// <summary>
    /// <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]</c>. Ids are escaped: Emulator
    /// conversation ids such as <c>&lt;guid&gt;|livechat</c> contain characters that are not allowed in a path.
    /// </summary>
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId)) path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        var url = new Uri(new Uri(activity.ServiceUrl!.TrimEnd('/') + "/"), path);

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(activity, options: Activity.Json) };
        if (options.Value.AuthenticationEnabled)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        using var response = await httpFactory.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
