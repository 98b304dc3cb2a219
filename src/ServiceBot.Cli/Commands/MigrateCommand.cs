using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using ServiceBot.Storage;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Cli.Commands;

/// <summary>
/// <c>migrate</c>: brings the PostgreSQL state schema up to date, from <c>State:Provider</c> and <c>State:ConnectionString</c>
/// (appsettings.json, environment) or <c>--connection</c>. Servers migrate at start too; this lets a deployment do it first.
/// </summary>
public sealed class MigrateCommand : ICliCommand
{
    public string Name => "migrate";
    public string Usage => "migrate [--connection \"Host=…;Database=…;Username=…;Password=…\"]";
    public string Description => "创建或升级 PostgreSQL 状态库的表结构（State__Provider=postgres 时；服务启动时也会自动执行）。";

    public async Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var configuration = KnowledgeServices.Configuration(arguments);
        var connection = arguments.Optional("connection");
        arguments.RejectUnknown();

        var options = configuration.GetSection(StateOptions.SectionName).Get<StateOptions>() ?? new StateOptions();
        if (connection is not null)
        {
            options.Provider = StateProviders.Postgres;
            options.ConnectionString = connection;
        }
        var validation = new StateOptionsValidator().Validate(null, options);
        if (validation.Failed) throw new CliUsageException(validation.FailureMessage);
        if (!options.UsesPostgres)
        {
            console.Out.WriteLine("State:Provider 为 sqlite：内嵌数据库在首次使用时自动建表，无需迁移。");
            return CliApplication.Success;
        }

        await using var database = new PostgresDatabase(Options.Create(options));
        int applied;
        try
        {
            applied = await database.MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            console.Error.WriteLine($"错误：无法迁移 PostgreSQL 状态库：{exception.Message}");
            return CliApplication.Failure;
        }
        console.Out.WriteLine(applied == 0
            ? $"表结构已是最新（版本 {PostgresSchema.LatestVersion}）。"
            : $"已执行 {applied} 个迁移，表结构版本 {PostgresSchema.LatestVersion}。");
        return CliApplication.Success;
    }
}
