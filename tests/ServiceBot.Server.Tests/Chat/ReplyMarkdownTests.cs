namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// Values echoed into a Markdown reply stay text: mask stars are escaped so they cannot turn into bold markup, and a
/// link the user typed is escaped so no renderer makes it clickable. <c>task.slots</c> keeps the contract's plain masks.
/// </summary>
public sealed class ReplyMarkdownTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    internal const string TypedLink = "[x](https://evil.example)";
    internal const string BareLink = "https://evil.example/a";

    /// <summary>A 12345 appeal whose description carries both links, up to its confirmation.</summary>
    internal static async Task<ChatTurn> ConfirmingAppealWithLinksAsync(ChatSession chat)
    {
        var turn = await chat.SayAsync("我要向12345反映问题");
        for (var guard = 0; turn.State == "collecting" && guard < 6; guard++)
        {
            turn = turn.Missing[0] switch
            {
                "description" => await chat.SayAsync($"小区门口的路灯坏了一个月，照片见{TypedLink}，还有{BareLink}"),
                "location" => await chat.SayAsync("邯郸市丛台区人民路88号"),
                "phone" => await chat.SayAsync("13800001111"),
                var other => throw new Xunit.Sdk.XunitException($"unexpected slot {other}"),
            };
        }
        Assert.Equal("confirming", turn.State);
        return turn;
    }

    [Fact]
    public async Task Confirmation_MaskedNumbers_StarsEscapedInReplyAndPlainInSlots()
    {
        var chat = new ChatSession(server.Http);

        var turn = await chat.SayAsync("我想提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122");

        Assert.Contains(@"1304\*\*\*\*\*\*\*\*\*\*4510", turn.Reply);
        Assert.Contains(@"6217 \*\*\*\* \*\*\*\* 0122", turn.Reply);
        Assert.DoesNotContain("****", turn.Reply);
        Assert.Equal("1304**********4510", turn.Slot("id_number"));
        Assert.Equal("6217 **** **** 0122", turn.Slot("bank_card"));
    }

    [Fact]
    public async Task Confirmation_TypedLinks_EscapedInReply()
    {
        var turn = await ConfirmingAppealWithLinksAsync(new ChatSession(server.Http));

        Assert.Contains(@"\[x\](https\://evil.example)", turn.Reply);
        Assert.Contains(@"https\://evil.example/a", turn.Reply);
        Assert.DoesNotContain(TypedLink, turn.Reply);
        Assert.Contains("138****1111", turn.Slot("phone"));
    }
}
