using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServiceBot.Backend;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Server.WeChat;

public static class WeChatServiceCollectionExtensions
{
    public const string ApiClient = "wechat-api";

    /// <summary>Binds and validates <c>WeChat</c> at start and registers the channel; <see cref="WeChatEndpoints.MapWeChat"/> serves it.</summary>
    public static IServiceCollection AddWeChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WeChatOptions>().Bind(configuration.GetSection(WeChatOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WeChatTurns>();
        // With the state in PostgreSQL the bindings are shared by every replica; otherwise this process remembers them.
        services.TryAddSingleton<IWeChatNonceStore>(provider => provider.GetService<PostgresDatabase>() is { } database
            ? new PostgresWeChatNonceStore(database)
            : new MemoryWeChatNonceStore(provider.GetRequiredService<IMemoryCache>()));
        services.AddSingleton<WeChatSuggestions>();
        services.AddSingleton<WeChatMessageHandler>();
        services.AddSingleton<WeChatDelivery>();
        services.AddSingleton<WeChatAccessTokens>();
        services.AddTransient<WeChatCustomerService>(provider => new(CreateApiClient(provider), provider.GetRequiredService<WeChatAccessTokens>()));

        services.AddHttpClient(ApiClient, (provider, http) =>
            {
                if (provider.GetRequiredService<IOptions<WeChatOptions>>().Value.CustomerServiceBaseUrl is { } baseUrl)
                    http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
            })
            .AddStandardResilienceHandler(options =>
            {
                // Token fetches may be retried; a resent customer-service message would reach the user twice.
                var transient = options.Retry.ShouldHandle;
                options.Retry.ShouldHandle = args =>
                    args.Context.GetRequestMessage() is { } request && !BackendRetry.IsReplaySafe(request)
                        ? ValueTask.FromResult(false)
                        : transient(args);
            });
        return services;
    }

    private static HttpClient CreateApiClient(IServiceProvider provider) =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(ApiClient);
}
