namespace ServiceBot.Server.Sandbox;

/// <summary>Creates the ticket schema before the server starts taking requests.</summary>
public sealed class SandboxStoreInitializer(ISandboxStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
