using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Hosting;

/// <summary>The conversation reads dates in the service's zone even on a host whose zone is UTC.</summary>
public sealed class ConversationTimeZoneTests
{
    [Theory]
    [InlineData("2026-11-29T23:30:00+08:00", "2026-11-28T15:00:00+08:00")]
    [InlineData("2026-11-30T00:30:00+08:00", "2026-11-29T15:00:00+08:00")]
    public void Slots_YesterdayAfternoonOnAUtcHost_ResolveToTheBeijingYesterday(string beijingNow, string expected)
    {
        var host = new UtcHostClock(DateTimeOffset.Parse(beijingNow, System.Globalization.CultureInfo.InvariantCulture));
        using var provider = Compose(host, new Dictionary<string, string?>());

        var understanding = provider.GetRequiredService<ConversationUnderstanding>();
        var slots = understanding.Slots.ExtractSlots("昨天下午三点在人民路摔了", [SlotIds.AccidentTime], host.GetUtcNow());

        Assert.Equal(expected, slots[SlotIds.AccidentTime].Value);
    }

    [Fact]
    public void Options_UnknownTimeZone_FailValidation()
    {
        using var provider = Compose(TimeProvider.System, new Dictionary<string, string?> { ["Conversation:TimeZone"] = "Mars/Olympus_Mons" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConversationOptions>>().Value);
        Assert.Contains("Mars/Olympus_Mons", error.Message);
    }

    [Fact]
    public void ServiceClock_ConfiguredZone_IsTheConversationsLocalZone()
    {
        using var provider = Compose(TimeProvider.System, new Dictionary<string, string?> { ["Conversation:TimeZone"] = "Asia/Tokyo" });

        Assert.Equal(TimeSpan.FromHours(9), provider.GetRequiredService<ServiceTimeProvider>().LocalTimeZone.BaseUtcOffset);
    }

    private static ServiceProvider Compose(TimeProvider host, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(host)
            .AddServiceBotConversation(configuration)
            .BuildServiceProvider();
    }

    /// <summary>A host whose own zone is UTC, stopped at one instant.</summary>
    private sealed class UtcHostClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
