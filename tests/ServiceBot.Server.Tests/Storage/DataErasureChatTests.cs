using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Handoff;
using ServiceBot.Server.Tests.Chat;
using ServiceBot.Storage;

namespace ServiceBot.Server.Tests.Storage;

/// <summary>删除我的记录 over <c>POST /api/chat</c>: asked, confirmed or cancelled, against the server's own state database.</summary>
public sealed class DataErasureChatTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string Card = "6217001234567890122";

    private IConversationStore Conversations => server.Services.GetRequiredService<IConversationStore>();
    private IFeedbackStore Feedback => server.Services.GetRequiredService<IFeedbackStore>();
    private IHandoffStore Handoffs => server.Services.GetRequiredService<IHandoffStore>();

    [Theory]
    [InlineData("删除我的记录", "确认删除")]
    [InlineData("请帮我清除我的全部数据", "是的")]
    public async Task Chat_AskedAndConfirmed_UserDataGoneTicketKeptAndNextTurnStartsFresh(string request, string confirmation)
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync($"我想提取公积金，身份证{ZhangWei}，租房，提取3000元，银行卡{Card}");
        var submitted = await user.SayAsync("确认", messageId: "m-confirm-" + user.UserId);
        await RateAsync(user, "m-confirm-" + user.UserId);
        await user.SayAsync("转人工");
        await user.SayAsync("返回机器人");
        var erasedConversation = user.ConversationId!;

        var asked = await user.SayAsync(request);
        var done = await user.SayAsync(confirmation);

        Assert.Contains("确认删除", asked.Reply);
        Assert.Equal(["确认删除", "取消"], asked.Suggestions);
        Assert.Contains("已删除", done.Reply);
        Assert.Contains("已提交到业务系统的办件不在删除范围内", done.Reply);
        Assert.Null(done.Task);
        Assert.Null(await Conversations.FindLatestAsync("api", user.UserId, CancellationToken.None));
        Assert.Null(await Conversations.FindAsync(erasedConversation, CancellationToken.None));
        Assert.Null(await Conversations.FindReplyAsync("api", user.UserId, "m-confirm-" + user.UserId, CancellationToken.None));
        Assert.Empty(await Feedback.ListAsync(erasedConversation, CancellationToken.None));
        Assert.Null(await Handoffs.FindAsync(erasedConversation, CancellationToken.None));
        Assert.Empty(await Handoffs.TranscriptAsync(erasedConversation, 0, CancellationToken.None));
        Assert.Contains(await server.ListTicketsAsync(ZhangWei), t => t.GetProperty("ticket").GetString() == submitted.Ticket);

        var fresh = await new ChatSession(server.Http, user.UserId, user.UserToken).SayAsync("我想提取公积金");
        Assert.NotEqual(erasedConversation, fresh.ConversationId);
        Assert.Equal(["id_number", "reason", "amount", "bank_card"], fresh.Missing);
    }

    [Theory]
    [InlineData("取消")]
    [InlineData("不是")]
    public async Task Chat_AskedThenCancelled_EverythingKept(string answer)
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync($"我想提取公积金，身份证{ZhangWei}", messageId: "m-first-" + user.UserId);
        await RateAsync(user, "m-first-" + user.UserId);

        await user.SayAsync("删除我的聊天记录");
        var kept = await user.SayAsync(answer);
        var next = await user.SayAsync("租房");

        Assert.Contains("已取消删除", kept.Reply);
        var conversation = await Conversations.FindAsync(user.ConversationId!, CancellationToken.None);
        Assert.Equal(ZhangWei, conversation!.Task!.Slots["id_number"]);
        Assert.Single(await Feedback.ListAsync(user.ConversationId!, CancellationToken.None));
        Assert.Equal("rent", next.Slot("reason"));
    }

    [Fact]
    public async Task Chat_AskedThenSaidSomethingElse_RequestLapsesAndNothingDeleted()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("我想提取公积金");
        await user.SayAsync("删除我的记录");

        var other = await user.SayAsync(ZhangWei);
        var later = await user.SayAsync("确认");

        Assert.Equal("1304**********4510", other.Slot("id_number"));
        Assert.DoesNotContain("已删除", later.Reply);
        Assert.NotNull(await Conversations.FindAsync(user.ConversationId!, CancellationToken.None));
    }

    [Fact]
    public async Task Chat_QuestionAboutTheLawOnDeletion_NotTakenAsARequest()
    {
        var user = new ChatSession(server.Http);

        var answer = await user.SayAsync("个人信息保护法规定可以删除我的数据吗");

        Assert.DoesNotContain("确认删除", answer.Reply);
    }

    private async Task RateAsync(ChatSession user, string messageId)
    {
        using var response = await server.Http.PostAsJsonAsync("api/feedback",
            new { conversationId = user.ConversationId, messageId, rating = "up", comment = "电话13800001111" });
        response.EnsureSuccessStatusCode();
    }
}
