using Npgsql;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// The nonce bindings in the shared PostgreSQL state database, so a signature set captured from one replica cannot carry
/// another message to a different replica. The database clock decides expiry, the same for every replica.
/// </summary>
public sealed class PostgresWeChatNonceStore(PostgresDatabase database) : IWeChatNonceStore
{
    // Expired bindings are refused by their timestamp anyway; sweeping now and then only keeps the table small.
    private const int SweepEvery = 256;

    private int _binds;

    public async ValueTask<bool> TryBindAsync(string timestamp, string nonce, string delivery, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (Interlocked.Increment(ref _binds) % SweepEvery == 0)
        {
            await using var sweep = new NpgsqlCommand("DELETE FROM wechat_nonces WHERE expires_at < now()", connection);
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        // One statement: of two replicas binding the same pair at once, the second sees the first's delivery.
        await using var bind = new NpgsqlCommand("""
            INSERT INTO wechat_nonces AS bound (timestamp, nonce, delivery, expires_at)
            VALUES (@timestamp, @nonce, @delivery, now() + @lifetime)
            ON CONFLICT (timestamp, nonce) DO UPDATE SET
                delivery = CASE WHEN bound.expires_at < now() THEN excluded.delivery ELSE bound.delivery END,
                expires_at = CASE WHEN bound.expires_at < now() THEN excluded.expires_at ELSE bound.expires_at END
            RETURNING delivery
            """, connection);
        bind.Parameters.AddWithValue("timestamp", timestamp);
        bind.Parameters.AddWithValue("nonce", nonce);
        bind.Parameters.AddWithValue("delivery", delivery);
        bind.Parameters.AddWithValue("lifetime", lifetime);
        return await bind.ExecuteScalarAsync(cancellationToken) is string bound && bound == delivery;
    }
}
