namespace ServiceBot.Server.Http;

/// <summary>
/// An access token fetched once and reused until shortly before it expires; concurrent callers share one
/// fetch. Renewal comes early so a token never expires between being handed out and being used.
/// </summary>
public sealed class CachedToken(TimeProvider clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <param name="fetch">Fetches a new token and its lifetime in seconds.</param>
    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, int ExpiresInSeconds)>> fetch, CancellationToken cancellationToken)
    {
        if (_current is { } cached && clock.GetUtcNow() < cached.RenewAt) return cached.Token;
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && clock.GetUtcNow() < again.RenewAt) return again.Token;
            var (token, expiresIn) = await fetch(cancellationToken);
            var lifetime = TimeSpan.FromSeconds(Math.Max(expiresIn, 60));
            _current = (token, clock.GetUtcNow() + (lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2));
            return token;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>Forgets a token the remote side reported as invalid, so the next call fetches a fresh one.</summary>
    public void Invalidate(string token)
    {
        if (_current is { } cached && cached.Token == token) _current = null;
    }
}
