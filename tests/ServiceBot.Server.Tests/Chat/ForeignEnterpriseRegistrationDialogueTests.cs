using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// 外商投资企业设立登记预约 end to end over HTTP: Amir Khan books with his passport on a Friday evening, is refused
/// Saturday, takes the offered Monday and gets a ticket the sandbox lists under his passport.
/// </summary>
public sealed class ForeignEnterpriseRegistrationDialogueTests(FridayEveningServer fixture) : IClassFixture<FridayEveningServer>
{
    private const string AmirPassport = "PK1234567";
    private const string AmirPhone = "13500005555";

    private ServiceBotServer Server => fixture.Server;

    private async Task<List<JsonElement>> TicketsAsync(HttpClient client)
        => (await client.GetFromJsonAsync<List<JsonElement>>($"sandbox/api/tickets?passport={AmirPassport}", ServiceBotServer.Json))!;

    [Fact]
    public async Task Chat_AmirKhanInChinese_RefusesSaturdayBooksMondayAndListsTheMaskedTicket()
    {
        var before = (await TicketsAsync(Server.Http)).Count;
        var chat = new ChatSession(Server.Http);

        // Asked how, the bot answers from the guide and offers the task; the offer opens the form.
        var asked = await chat.SayAsync("外国人在义乌开公司怎么预约");
        Assert.Null(asked.TaskName);
        Assert.Contains("护照", asked.Reply);
        Assert.Equal("开始办理外商投资企业设立登记预约", asked.Suggestions[0]);
        var start = await chat.SayAsync(asked.Suggestions[0]);
        Assert.Equal("foreign_enterprise_registration", start.TaskName);
        Assert.Equal(["passport", "company_name", "business_scope", "registered_capital", "appointment_date", "phone"], start.Missing);

        var passport = await chat.SayAsync($"我的护照号码是{AmirPassport}");
        Assert.Equal("PK****567", passport.Slot("passport"));
        Assert.DoesNotContain(AmirPassport, passport.Json.GetRawText());

        var notACompany = await chat.SayAsync("环球贸易");
        Assert.Equal("company_name", notACompany.Missing[0]);
        Assert.Contains("组织形式", notACompany.Reply);
        await chat.SayAsync("义乌环球贸易有限公司");
        await chat.SayAsync("日用百货进出口");
        var capital = await chat.SayAsync("五十万美元");
        Assert.Equal("500000 USD", capital.Slot("registered_capital"));

        var saturday = await chat.SayAsync("明天");
        Assert.Equal("appointment_date", saturday.Missing[0]);
        Assert.Contains("周六不办公", saturday.Reply);
        Assert.Equal("2026年12月7日", saturday.Suggestions[0]);

        var monday = await chat.SayAsync(saturday.Suggestions[0]);
        Assert.Equal("2026-12-07", monday.Slot("appointment_date"));
        var confirming = await chat.SayAsync(AmirPhone);
        Assert.Equal("confirming", confirming.State);
        Assert.Contains(@"PK\*\*\*\*567", confirming.Reply);
        Assert.Contains("2026年12月7日（周一）", confirming.Reply);
        Assert.DoesNotContain(AmirPassport, confirming.Reply);
        Assert.DoesNotContain(AmirPhone, confirming.Reply);

        var done = await chat.SayAsync("确认");
        Assert.Equal("submitted", done.State);
        Assert.StartsWith("WZDJ-20261204-", done.Ticket);

        var tickets = await TicketsAsync(Server.Http);
        Assert.Equal(before + 1, tickets.Count);
        var listed = tickets.Single(t => t.GetProperty("ticket").GetString() == done.Ticket);
        Assert.Equal("foreign_enterprise_registration", listed.GetProperty("task").GetString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["passport"] = AmirPassport,
            ["company_name"] = "义乌环球贸易有限公司",
            ["business_scope"] = "日用百货进出口",
            ["registered_capital"] = "500000 USD",
            ["appointment_date"] = "2026-12-07",
            ["phone"] = AmirPhone,
        }, Sandbox.SandboxAssert.Slots(listed));

        using var visitor = Server.CreateAnonymousClient();
        var masked = (await TicketsAsync(visitor)).Single(t => t.GetProperty("ticket").GetString() == done.Ticket);
        Assert.Equal("PK****567", masked.GetProperty("slots").GetProperty("passport").GetString());
        Assert.Equal("135****5555", masked.GetProperty("slots").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Chat_TicketStatusFromAnotherConversation_ShownOnlyWithTheApplicantsPassport()
    {
        var booking = new ChatSession(Server.Http);
        await booking.SayAsync($"我想注册外资公司，护照{AmirPassport}，注册资本100万元人民币，手机{AmirPhone}");
        await booking.SayAsync("Global Trade (Yiwu) Co., Ltd.");
        await booking.SayAsync("import and export of daily necessities");
        await booking.SayAsync("下周二");
        var booked = await booking.SayAsync("确认");
        Assert.Equal("submitted", booked.State);

        var stranger = new ChatSession(Server.Http);
        var refused = await stranger.SayAsync($"查询办件 {booked.Ticket}");
        Assert.Contains("护照号码", refused.Reply);
        Assert.DoesNotContain("Global Trade", refused.Reply);

        var owner = new ChatSession(Server.Http);
        var shown = await owner.SayAsync($"查询办件 {booked.Ticket}，护照号{AmirPassport}");
        Assert.Contains("外商投资企业设立登记预约", shown.Reply);
        Assert.Contains("2026年12月8日（周二）", shown.Reply);
        Assert.Contains(@"PK\*\*\*\*567", shown.Reply);
        Assert.DoesNotContain(AmirPassport, shown.Reply);
    }
}
