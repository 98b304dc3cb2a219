using System.Globalization;
using System.Text.Json;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>A clock stopped at one instant in a fixed UTC+8 zone, so date tests need no tzdata.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly TimeZoneInfo ChinaStandardTime =
        TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "UTC+08", "UTC+08");

    /// <summary>A clock reading <paramref name="localTime"/> (yyyy-MM-dd HH:mm) in UTC+8.</summary>
    public static FixedTimeProvider At(string localTime)
        => new(DateTimeOffset.ParseExact(localTime + " +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => ChinaStandardTime;
}

/// <summary>The fictitious citizens of the repository's sandbox seed, read at run time.</summary>
internal static class SandboxFixture
{
    public sealed record Citizen(string Name, string? Id, string Phone, string? BankCard);

    private static readonly Lazy<IReadOnlyList<Citizen>> Loaded = new(Load);

    public static IReadOnlyList<Citizen> Citizens => Loaded.Value;

    public static IEnumerable<object[]> IdNumbers() => Citizens.Where(c => c.Id is not null).Select(c => new object[] { c.Id! });

    public static IEnumerable<object[]> BankCards() => Citizens.Where(c => c.BankCard is not null).Select(c => new object[] { c.BankCard! });

    public static IEnumerable<object[]> Phones() => Citizens.Select(c => new object[] { c.Phone });

    private static IReadOnlyList<Citizen> Load()
    {
        var path = Path.Combine(Knowledge.KnowledgePaths.RepositoryRoot, "src", "ServiceBot.Server", "Sandbox", "Data", "sandbox-seed.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("citizens").EnumerateArray()
            .Select(c => new Citizen(
                c.GetProperty("name").GetString()!,
                c.GetProperty("id").GetString(),
                c.GetProperty("phone").GetString()!,
                c.GetProperty("bank_card").GetString()))
            .ToList();
    }
}
