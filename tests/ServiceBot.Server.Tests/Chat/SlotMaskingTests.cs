using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// Personal numbers leave the server only masked (CONTRACT §2): <c>task.slots</c> on <c>/api/chat</c> and on the widget's
/// stream, while the backend still receives the full values.
/// </summary>
public sealed class SlotMaskingTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string Card = "6217001234567890122";

    [Fact]
    public async Task Post_FundWithdrawal_SlotsMaskedInEveryTurnButFullInTheTicket()
    {
        var chat = new ChatSession(server.Http);

        var confirm = await chat.SayAsync($"我想提取公积金，身份证{ZhangWei}，租房，提取3000元，银行卡{Card}");
        var done = await chat.SayAsync("确认");

        Assert.Equal("1304**********4510", confirm.Slot("id_number"));
        Assert.Equal("6217 **** **** 0122", confirm.Slot("bank_card"));
        Assert.Equal("3000", confirm.Slot("amount"));
        foreach (var turn in new[] { confirm, done })
        {
            Assert.DoesNotContain(ZhangWei, turn.Json.GetRawText());
            Assert.DoesNotContain(Card, turn.Json.GetRawText());
        }
        var ticket = (await server.ListTicketsAsync(ZhangWei)).Single(t => t.GetProperty("ticket").GetString() == done.Ticket);
        Assert.Equal(ZhangWei, ticket.GetProperty("slots").GetProperty("id_number").GetString());
        Assert.Equal(Card, ticket.GetProperty("slots").GetProperty("bank_card").GetString());
    }

    [Fact]
    public async Task Stream_InjuryReport_PhoneMaskedInTheReplyEvent()
    {
        var userId = "mask-stream-" + Guid.NewGuid().ToString("N");
        using var response = await server.Http.PostAsJsonAsync("api/chat/stream",
            new { userId, text = $"我要申报职业伤害，身份证{ZhangWei}，电话13800001111" });

        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        var reply = body.Split("\n\n").Single(e => e.StartsWith("event: reply", StringComparison.Ordinal));
        var json = JsonDocument.Parse(reply[(reply.IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement;
        var slots = json.GetProperty("task").GetProperty("slots");
        Assert.Equal("138****1111", slots.GetProperty("phone").GetString());
        Assert.Equal("1304**********4510", slots.GetProperty("id_number").GetString());
        Assert.DoesNotContain("13800001111", body);
        Assert.DoesNotContain(ZhangWei, body);
    }
}
