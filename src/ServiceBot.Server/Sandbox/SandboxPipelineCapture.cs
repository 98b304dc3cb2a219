namespace ServiceBot.Server.Sandbox;

/// <summary>Hands the application's request pipeline to <see cref="SandboxPipeline"/> as the host builds it; adds no middleware.</summary>
internal sealed class SandboxPipelineCapture(SandboxPipeline pipeline) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(application =>
        {
            pipeline.Attach(application);
            return application;
        });
        next(app);
    };
}
