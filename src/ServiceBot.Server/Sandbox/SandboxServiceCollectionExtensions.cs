using Microsoft.Extensions.Options;
using ServiceBot.Backend;

namespace ServiceBot.Server.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    public const string ApiPrefix = "/sandbox/api";
    public const string OpenApiDocument = "sandbox";

    /// <summary>Registers the built-in sandbox backend when <c>Sandbox:Enabled</c> is true (the default).</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SandboxOptions.SectionName);
        services.AddOptions<SandboxOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(options => options.ApiKey = string.IsNullOrEmpty(options.ApiKey)
                ? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
                : options.ApiKey);
        if (!section.GetValue(nameof(SandboxOptions.Enabled), true)) return services;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => SandboxSeed.LoadEmbedded());
        if (string.Equals(section[nameof(SandboxOptions.Provider)], "postgres", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<ISandboxStore, PostgresSandboxStore>();
        else
            services.AddSingleton<ISandboxStore, SandboxStore>();
        services.AddSingleton<SandboxSubmissions>();
        services.AddHostedService<SandboxStoreInitializer>();
        services.AddSingleton<IBackendAddressProvider, SandboxBackendAddress>();
        services.AddSingleton<SandboxPipeline>();
        services.AddTransient<IStartupFilter, SandboxPipelineCapture>();
        // A document of its own, so the sandbox contract does not mix with the bot's own routes.
        services.AddOpenApi(OpenApiDocument, options =>
        {
            options.ShouldInclude = description => description.GroupName == OpenApiDocument;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ServiceBot 沙箱政务后台";
                document.Info.Description = "模拟住房公积金、职业伤害保障、劳动保障监察、社会保险、12345 热线、市场监督管理（外商投资企业设立登记预约）和服务站点的接口。提交类接口支持 Idempotency-Key 请求头，同一个键只生成一个办件。";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Maps <c>/sandbox/api/...</c> and the OpenAPI document at <c>/sandbox/openapi/sandbox.json</c>.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled) return app;

        app.MapOpenApi("/sandbox/openapi/{documentName}.json").AddEndpointFilter(SandboxAccess.RequireLoopbackOrKeyAsync);
        app.MapGroup(ApiPrefix)
            .AddEndpointFilter(SandboxAccess.RequireLoopbackOrKeyAsync)
            .WithGroupName(OpenApiDocument)
            .MapHousingFundApi()
            .MapInjuryApi()
            .MapLabourInspectionApi()
            .MapSocialInsuranceApi()
            .MapHotlineApi()
            .MapMarketRegulationApi()
            .MapStationsApi()
            .MapTicketsApi();
        return app;
    }
}
