using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceBot.Llm;

public static class ToolGuardrailChatClientBuilderExtensions
{
    /// <summary>Adds a <see cref="ToolGuardrailChatClient"/>: only <paramref name="allowedTools"/> are offered to or callable by the model.</summary>
    public static ChatClientBuilder UseToolGuardrail(this ChatClientBuilder builder, IEnumerable<string> allowedTools, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(allowedTools);
        var allowed = allowedTools.ToArray();
        return builder.UseToolGuardrail(_ => allowed, loggerFactory);
    }

    /// <summary>As above, with the allow-list read from the services the pipeline is built with.</summary>
    public static ChatClientBuilder UseToolGuardrail(this ChatClientBuilder builder, Func<IServiceProvider, IEnumerable<string>> allowedTools,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(allowedTools);
        return builder.Use((inner, services) => new ToolGuardrailChatClient(inner, allowedTools(services),
            (loggerFactory ?? services.GetService<ILoggerFactory>())?.CreateLogger<ToolGuardrailChatClient>()));
    }
}
