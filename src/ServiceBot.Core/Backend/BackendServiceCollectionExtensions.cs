using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ServiceBot.Backend;

public static class BackendServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Backend</c> at start, registers one typed client per backend area behind the
    /// standard resilience handler, and the plugin classes. No <c>KernelPlugin</c> is registered as a service on
    /// purpose: a kernel built from the container would then offer side-effecting functions to a model. Use
    /// <see cref="BackendFunctions.CreateReadOnlyPlugins"/> for a model and <see cref="BackendFunctions.CreatePlugins"/> for the task engine.
    /// </summary>
    public static IServiceCollection AddServiceBotBackend(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BackendOptions>()
            .Bind(configuration.GetSection(BackendOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackendOptions>, BackendOptionsValidator>();
        services.AddSingleton<BackendAddress>();

        services.AddBackendClient<HousingFundClient>();
        services.AddBackendClient<InjuryClient>();
        services.AddBackendClient<LabourInspectionClient>();
        services.AddBackendClient<SocialInsuranceClient>();
        services.AddBackendClient<HotlineClient>();
        services.AddBackendClient<StationsClient>();
        services.AddBackendClient<TicketsClient>();
        services.AddBackendClient<MarketRegulationClient>();

        foreach (var (type, _) in BackendFunctions.PluginTypes) services.AddTransient(type);
        return services;
    }

    private static void AddBackendClient<TClient>(this IServiceCollection services) where TClient : class =>
        services.AddHttpClient<TClient>((provider, http) =>
            {
                var (root, headers) = provider.GetRequiredService<BackendAddress>().ResolveTarget();
                http.BaseAddress = root;
                foreach (var (name, value) in headers) http.DefaultRequestHeaders.Add(name, value);
            })
            // The default primary handler unless the backend can be reached without a socket; retries and timeouts stay the same.
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<BackendAddress>().CreateTransport() ?? new HttpClientHandler())
            // The factory's request logs are Information under System.Net.Http.HttpClient (Warning by default), yet their scope
            // built a redacted URI on every backend call; failures still surface through the resilience handler and the caller.
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(options =>
            {
                var transient = options.Retry.ShouldHandle;
                options.Retry.ShouldHandle = args =>
                    args.Context.GetRequestMessage() is { } request && !BackendRetry.IsReplaySafe(request)
                        ? ValueTask.FromResult(false)
                        : transient(args);
            });
}
