using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// A foreign merchant served in English over POST /api/chat: every bot message is English. The only Chinese a reply may
/// carry is a proper name the backend gives (a station, its district and address), listed here one by one.
/// </summary>
public sealed partial class EnglishChatTests(FridayEveningServer fixture) : IClassFixture<FridayEveningServer>
{
    private const string AmirPassport = "PK1234567";
    private const string AmirPhone = "13500005555";

    /// <summary>The sandbox's Handan stations: their names, city, districts and addresses are shown as the backend gives them.</summary>
    private static readonly string[] HandanStationNames =
    [
        "丛台区人民路工会驿站", "人民路与中华大街交叉口东北角", "邯山区司机之家", "陵西大街南段加油站旁", "邯郸市", "丛台区", "邯山区",
    ];

    private ServiceBotServer Server => fixture.Server;

    [Fact]
    public async Task Chat_AmirKhanBooksRegistrationInEnglish_EveryReplyEnglishAndTicketIssued()
    {
        var chat = new ChatSession(Server.Http);
        var turns = new List<ChatTurn>();
        async Task<ChatTurn> Say(string text)
        {
            var turn = await chat.SayAsync(text);
            turns.Add(turn);
            return turn;
        }

        var start = await Say("I want to book a registration for a foreign-invested company");
        Assert.Equal("foreign_enterprise_registration", start.TaskName);
        await Say($"My passport number is {AmirPassport}");
        await Say("Global Trade (Yiwu) Co., Ltd.");
        await Say("Import and export of daily necessities");
        var capital = await Say("500,000 USD");
        Assert.Equal("500000 USD", capital.Slot("registered_capital"));

        // Friday evening: tomorrow is a Saturday, refused with the next working day offered in English.
        var saturday = await Say("tomorrow");
        Assert.Equal("appointment_date", saturday.Missing[0]);
        Assert.Contains("Saturday", saturday.Reply);
        Assert.Equal("7 December 2026", saturday.Suggestions[0]);
        var monday = await Say(saturday.Suggestions[0]);
        Assert.Equal("2026-12-07", monday.Slot("appointment_date"));

        var confirming = await Say(AmirPhone);
        Assert.Equal("confirming", confirming.State);
        Assert.Contains("Monday, 7 December 2026", confirming.Reply);
        Assert.Contains("change the phone number to", confirming.Reply);
        var done = await Say("Yes, confirm");

        Assert.Equal("submitted", done.State);
        Assert.StartsWith("WZDJ-", done.Ticket);
        Assert.Contains($"Ticket number: **{done.Ticket}**", done.Reply);
        Assert.All(turns, turn => AssertEnglish(turn, allowedNames: []));
        var listed = (await Server.Http.GetFromJsonAsync<List<JsonElement>>($"sandbox/api/tickets?passport={AmirPassport}", ServiceBotServer.Json))!;
        Assert.Contains(listed, t => t.GetProperty("ticket").GetString() == done.Ticket);
    }

    [Fact]
    public async Task Chat_WhereCanIRestInHandan_ListsHandanStationsInEnglish()
    {
        var chat = new ChatSession(Server.Http);

        var reply = await chat.SayAsync("Where can I rest in Handan?");

        Assert.Equal(("station_finder", "submitted"), (reply.TaskName, reply.State));
        Assert.Contains("丛台区人民路工会驿站", reply.Reply);
        Assert.Contains("邯山区司机之家", reply.Reply);
        Assert.Contains("- Opening hours: 24 hours", reply.Reply);
        Assert.Contains("- Services: rest area, parking, showers, drinking water", reply.Reply);
        AssertEnglish(reply, HandanStationNames);
    }

    [Fact]
    public async Task Chat_ChineseAfterEnglish_RepliesInChineseAgain()
    {
        var chat = new ChatSession(Server.Http);

        var english = await chat.SayAsync("Find a nearby rest station");
        var chinese = await chat.SayAsync("算了不办了");

        Assert.Contains("**Which city** are you in?", english.Reply);
        Assert.Contains("已取消", chinese.Reply);
    }

    /// <summary>No Chinese in the reply or its quick replies once the allowed names are taken out.</summary>
    private static void AssertEnglish(ChatTurn turn, IReadOnlyList<string> allowedNames)
    {
        var text = allowedNames.Aggregate(turn.Reply, (current, name) => current.Replace(name, "", StringComparison.Ordinal));
        Assert.False(Cjk().IsMatch(text), $"Chinese in an English reply: {turn.Reply}");
        Assert.All(turn.Suggestions, s => Assert.False(Cjk().IsMatch(s), $"Chinese quick reply: {s}"));
    }

    [GeneratedRegex(@"[\u3400-\u9FFF\uF900-\uFAFF]")]
    private static partial Regex Cjk();
}
