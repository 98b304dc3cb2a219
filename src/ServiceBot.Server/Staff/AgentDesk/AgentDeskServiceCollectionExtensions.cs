using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Server.BotFramework;
using ServiceBot.Server.WeChat;
using ServiceBot.Server.Widget;

namespace ServiceBot.Server.Staff.AgentDesk;

public static class AgentDeskServiceCollectionExtensions
{
    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    /// <summary>
    /// Staff accounts (<c>AgentDesk</c>, validated at start), the desk over the handoff store, and one delivery per channel.
    /// The suggestion, summary, draft-check and call-assist services are used when registered.
    /// </summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentDeskOptions>().Bind(configuration.GetSection(AgentDeskOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentDeskOptions>, AgentDeskOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StaffDirectory>();
        // The desk shows times in the conversation's configured zone, not the host's.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AgentDesk>(sp,
            sp.GetService<ServiceTimeProvider>() ?? new ServiceTimeProvider(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<AgentMessageDispatcher>();
        services.AddSingleton<IAgentMessageDelivery, WidgetAgentDelivery>();
        services.AddSingleton<IAgentMessageDelivery, WeChatAgentDelivery>();
        services.AddSingleton<IAgentMessageDelivery, BotFrameworkAgentDelivery>();
        services.AddSingleton<AgentDeskAssets>();
        return services;
    }

    /// <summary><c>GET /agent</c> (the desk page and its files) and every <c>/api/agent/...</c> route, behind staff sign-in.</summary>
    public static WebApplication MapAgentDesk(this WebApplication app)
    {
        app.MapMethods("/agent", GetOrHead, (HttpContext context, AgentDeskAssets assets) => assets.Serve(context, "agent.html", "no-cache"))
            .ExcludeFromDescription();
        app.MapMethods("/agent/{file}", GetOrHead, (string file, HttpContext context, AgentDeskAssets assets) =>
                file is "agent.html" ? (IResult)TypedResults.NotFound() : assets.Serve(context, file, "no-cache"))
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/agent").RequireStaff(StaffRoles.Desk);
        api.MapAgentDeskApi();
        api.MapCallAssistApi();
        return app;
    }
}
