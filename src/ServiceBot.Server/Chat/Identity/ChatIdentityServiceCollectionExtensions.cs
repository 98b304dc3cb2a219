using ServiceBot.Storage;

namespace ServiceBot.Server.Chat.Identity;

public static class ChatIdentityServiceCollectionExtensions
{
    /// <summary>User tokens and integration API keys for <c>/api/chat</c> and the widget's routes.</summary>
    public static IServiceCollection AddChatIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatIdentityOptions>()
            .Bind(configuration.GetSection(ChatIdentityOptions.SectionName))
            .Validate(o => o.ApiKeys.All(k => k is { Length: >= ChatIdentityOptions.MinApiKeyLength }),
                $"Chat:ApiKeys must each be at least {ChatIdentityOptions.MinApiKeyLength} characters.")
            .Validate(o => o.ApiKeys.Distinct(StringComparer.Ordinal).Count() == o.ApiKeys.Length, "Chat:ApiKeys must be unique.")
            .ValidateOnStart();
        services.AddServiceBotState(configuration);
        services.AddSingleton<UserTokens>();
        services.AddSingleton<ChatIdentity>();
        return services;
    }
}
