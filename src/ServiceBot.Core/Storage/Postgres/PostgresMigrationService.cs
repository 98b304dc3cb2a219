using Microsoft.Extensions.Hosting;

namespace ServiceBot.Storage.Postgres;

/// <summary>Brings the state schema up to date when the host starts, so a replica that cannot reach its database fails at once.</summary>
public sealed class PostgresMigrationService(PostgresDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
