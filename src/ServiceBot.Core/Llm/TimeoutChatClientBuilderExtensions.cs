using Microsoft.Extensions.AI;

namespace ServiceBot.Llm;

public static class TimeoutChatClientBuilderExtensions
{
    /// <summary>Adds a <see cref="TimeoutChatClient"/> to the pipeline: calls below it that run past <paramref name="timeout"/> throw <see cref="TimeoutException"/>.</summary>
    public static ChatClientBuilder UseTimeout(this ChatClientBuilder builder, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new TimeoutChatClient(inner, timeout));
    }

    /// <summary>As above, with the timeout read from the services the pipeline is built with (validated options).</summary>
    public static ChatClientBuilder UseTimeout(this ChatClientBuilder builder, Func<IServiceProvider, TimeSpan> timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(timeout);
        return builder.Use((inner, services) => new TimeoutChatClient(inner, timeout(services)));
    }
}
