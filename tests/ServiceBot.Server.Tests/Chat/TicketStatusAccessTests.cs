using ServiceBot.Tasks.Definitions;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// 办件进度查询 over HTTP against the real sandbox: only the ticket's owner (the channel user it was issued to, or
/// someone giving the applicant's ID number) learns its details; anyone else cannot even tell whether it exists.
/// </summary>
public sealed class TicketStatusAccessTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string ZhangWeiCard = "6217001234567890122";
    private const string WangQiang = "41010219850120293X";

    private async Task<(ChatSession Owner, string Ticket)> SubmitAsync()
    {
        var owner = new ChatSession(server.Http);
        await owner.SayAsync($"我想提取公积金，身份证{ZhangWei}，租房，提取1000元，银行卡{ZhangWeiCard}");
        var ticket = (await owner.SayAsync("确认")).Ticket;
        Assert.NotNull(ticket);
        return (owner, ticket);
    }

    [Fact]
    public async Task TicketStatus_SameChannelUser_ReportsDetails()
    {
        var (owner, ticket) = await SubmitAsync();

        var status = await owner.SayAsync($"帮我查一下办件进度，编号{ticket}");

        Assert.Equal("submitted", status.State);
        Assert.Contains(ticket, status.Reply);
        Assert.Contains("已受理", status.Reply);
        Assert.Contains(@"1304\*\*\*\*\*\*\*\*\*\*4510", status.Reply);
    }

    [Fact]
    public async Task TicketStatus_AnotherUsersTicket_SameRefusalAsAnUnknownTicket()
    {
        var (_, ticket) = await SubmitAsync();
        var stranger = new ChatSession(server.Http);

        var foreign = await stranger.SayAsync($"帮我查一下办件进度，编号{ticket}");
        var unknown = await new ChatSession(server.Http).SayAsync("帮我查一下办件进度，编号GJJ-20250601-NOSUCH00");

        Assert.EndsWith(TicketStatusTask.NotYours, foreign.Reply);
        Assert.Equal(unknown.Reply, foreign.Reply);
        Assert.Equal(unknown.State, foreign.State);
        Assert.DoesNotContain("已受理", foreign.Reply);
        Assert.DoesNotContain("4510", foreign.Reply);
    }

    [Fact]
    public async Task TicketStatus_OtherIdNumberGiven_Refused()
    {
        var (_, ticket) = await SubmitAsync();

        var status = await new ChatSession(server.Http).SayAsync($"查询办件 {ticket}，身份证号{WangQiang}");

        Assert.EndsWith(TicketStatusTask.NotYours, status.Reply);
    }

    [Fact]
    public async Task TicketStatus_ApplicantsIdNumberGivenOnAnotherChannelUser_ReportsDetails()
    {
        var (_, ticket) = await SubmitAsync();
        var elsewhere = new ChatSession(server.Http);

        var refused = await elsewhere.SayAsync($"帮我查一下办件进度，编号{ticket}");
        var status = await elsewhere.SayAsync($"查询办件 {ticket}，身份证号{ZhangWei}");

        Assert.EndsWith(TicketStatusTask.NotYours, refused.Reply);
        Assert.Contains("已受理", status.Reply);
        Assert.Contains(ticket, status.Reply);
    }
}
