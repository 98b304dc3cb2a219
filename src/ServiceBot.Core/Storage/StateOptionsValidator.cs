using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ServiceBot.Storage;

/// <summary>Refuses an unknown provider, or a connection string the chosen provider cannot read, with a message naming the key.</summary>
public sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!StateProviders.IsKnown(options.Provider))
            return ValidateOptionsResult.Fail(
                $"State:Provider \"{options.Provider}\" is not supported; use one of: {string.Join(", ", StateProviders.All)}.");
        if (options.UsesPostgres)
            return IsValidPostgres(options.ConnectionString)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("State:ConnectionString must be an Npgsql connection string with a Host (Host=…;Database=…;Username=…) when State:Provider is postgres.");
        return IsValidSqlite(options.ConnectionString)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("State:ConnectionString is not a valid SQLite connection string.");
    }

    public static bool IsValidPostgres(string? value)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(value) && !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException)
        {
            return false;
        }
    }

    private static bool IsValidSqlite(string? value)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(value).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
