using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Server.BotFramework;

/// <summary>
/// Which activities were already taken in: a channel that resends one (same id) gets it handled once, since the
/// engine would otherwise post its stored reply again.
/// </summary>
public interface IBotDeliveryLedger
{
    /// <summary>True for the first delivery of <paramref name="key"/> within <paramref name="window"/>; false for a resend.</summary>
    ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>The single-process ledger, in memory.</summary>
public sealed class MemoryBotDeliveryLedger(IMemoryCache seen) : IBotDeliveryLedger
{
    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var first = false;
        seen.GetOrCreate("bf-activity\n" + key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = window;
            first = true;
            return true;
        });
        return ValueTask.FromResult(first);
    }
}

/// <summary>The ledger in the shared PostgreSQL state database, so a resend to another replica is recognised too.</summary>
public sealed class PostgresBotDeliveryLedger(PostgresDatabase database) : IBotDeliveryLedger
{
    // Expired claims are taken over by the claim itself; sweeping now and then only keeps the table small.
    private const int SweepEvery = 256;

    private int _claims;

    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (Interlocked.Increment(ref _claims) % SweepEvery == 0)
        {
            await using var sweep = new NpgsqlCommand("DELETE FROM channel_deliveries WHERE expires_at < now()", connection);
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        // A row comes back only for a new key or an expired claim; of two replicas claiming at once, one gets it.
        await using var claim = new NpgsqlCommand("""
            INSERT INTO channel_deliveries AS seen (key, expires_at) VALUES (@key, now() + @window)
            ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen.expires_at < now()
            RETURNING 1
            """, connection);
        claim.Parameters.AddWithValue("key", "bf-activity\n" + key);
        claim.Parameters.AddWithValue("window", window);
        return await claim.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
