using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// Lay language over real HTTP against the repository's own knowledge: misspelt domain words are read as the terms
/// they stand for before routing and retrieval, and an elliptical follow-up is answered about the earlier topic.
/// </summary>
public sealed class LayLanguageChatTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string InsuranceGuide = "社会保险关系转移接续办事指南（示例）";
    private const string FundGuide = "住房公积金提取办事指南（示例）";
    private const string InjuryGuide = "新就业形态就业人员职业伤害保障申报办事指南（示例）";

    [Theory]
    [InlineData("设保咋交啊？")]
    [InlineData("设保断缴了还能转吗？")]
    public async Task Post_SheBaoMisspelt_CitesSocialInsuranceNotInjuryMaterials(string question)
    {
        var turn = await new ChatSession(server.Http).SayAsync(question);

        var citations = Citations(turn);
        Assert.True(citations.Count > 0, $"{question}: no citation in {turn.Reply}");
        Assert.Contains(citations, c => c.Source == InsuranceGuide || c.Text.Contains("社会保险") || c.Text.Contains("社保"));
        Assert.DoesNotContain(citations, c => c.Source == InjuryGuide && c.Section == "所需材料");
    }

    [Theory]
    [InlineData("公鸡金咋提？", null)]
    [InlineData("公鸡金租房能提吗？", "租房可以提取公积金吗？")]
    public async Task Post_GongJiJinMisspelt_CitesTheHousingFundGuide(string question, string? section)
    {
        var turn = await new ChatSession(server.Http).SayAsync(question);

        var citations = Citations(turn);
        Assert.True(citations.Count > 0, $"{question}: no citation in {turn.Reply}");
        Assert.Equal(FundGuide, citations[0].Source);
        if (section is not null) Assert.Contains(citations, c => c.Source == FundGuide && c.Section == section);
        Assert.DoesNotContain(citations, c => c.Source == InsuranceGuide);
    }

    [Fact]
    public async Task Post_GongShangBesideAnInjury_CitesInjuryClauses()
    {
        var turn = await new ChatSession(server.Http).SayAsync("送外卖摔伤了能算工商吗？");

        var citations = Citations(turn);
        Assert.True(citations.Count > 0, $"no citation in {turn.Reply}");
        Assert.Contains(citations, c => c.Source == InjuryGuide || c.Text.Contains("职业伤害"));
    }

    [Fact]
    public async Task Post_FollowUpAfterSocialInsuranceQuestion_IsAnsweredAboutSocialInsurance()
    {
        var chat = new ChatSession(server.Http);
        var first = await chat.SayAsync("设保断缴了还能转吗？");
        Assert.True(first.CitationCount > 0, first.Reply);

        var followUp = await chat.SayAsync("那外地户口呢？");

        var citations = Citations(followUp);
        Assert.True(citations.Count > 0, $"no citation in {followUp.Reply}");
        Assert.Equal(InsuranceGuide, citations[0].Source);
        Assert.Equal(first.ConversationId, followUp.ConversationId);
    }

    [Theory]
    [InlineData("那彩礼呢？")]
    [InlineData("那驾校学车要多久能拿证")]
    public async Task Post_FollowUpSwitchingToATopicNoDocumentCovers_IsRefused(string message)
    {
        var chat = new ChatSession(server.Http);
        var first = await chat.SayAsync("设保断缴了还能转吗？");
        Assert.True(first.CitationCount > 0, first.Reply);

        var followUp = await chat.SayAsync(message);

        Assert.Empty(Citations(followUp));
        Assert.Contains("12345", followUp.Reply, StringComparison.Ordinal);
        Assert.Equal(first.ConversationId, followUp.ConversationId);
    }

    [Theory]
    [InlineData("驿站什么时候开放", "那银行几点开门")]
    [InlineData("职业伤害咋申报", "那家里的狗受伤了呢")]
    public async Task Post_FollowUpSwitchingToASubjectNoClauseOfTheTopicCovers_IsRefused(string question, string message)
    {
        // Alone, 几点开门 and 受伤 still point at the station's hours and the injury guide: the subject must be covered too.
        var chat = new ChatSession(server.Http);
        var first = await chat.SayAsync(question);
        Assert.True(first.CitationCount > 0, first.Reply);

        var followUp = await chat.SayAsync(message);

        Assert.Empty(Citations(followUp));
        Assert.Contains("12345", followUp.Reply, StringComparison.Ordinal);
        Assert.Equal(first.ConversationId, followUp.ConversationId);
    }

    [Fact]
    public async Task Post_YesAfterAnUncoveredSubjectWasRefused_DoesNotStartTheTaskOfferedBefore()
    {
        var chat = new ChatSession(server.Http);
        var first = await chat.SayAsync("驿站什么时候开放");
        Assert.True(first.CitationCount > 0, first.Reply);
        var refused = await chat.SayAsync("那银行几点开门");
        Assert.Equal(0, refused.CitationCount);

        var yes = await chat.SayAsync("好的");

        Assert.Null(yes.TaskName);
    }

    [Fact]
    public async Task Post_QuestionNamingTheFeeAfterATaskWasOffered_IsAnsweredWithoutOpeningTheForm()
    {
        var chat = new ChatSession(server.Http);
        var offer = await chat.SayAsync("跑滴滴交的灵活就业社保 换城市能转走不");
        Assert.True(offer.CitationCount > 0, offer.Reply);

        var question = await chat.SayAsync("那这个转一下收费不 有人跟我说要交几百块办理费");

        Assert.Null(question.TaskName);
        Assert.Contains(Citations(question), c => c.Section == "收费标准");
    }

    [Fact]
    public async Task Post_FollowUpNamingACaseTheTopicCovers_IsAnsweredAboutTheTopic()
    {
        var chat = new ChatSession(server.Http);
        await chat.SayAsync("公积金租房能提吗");

        var followUp = await chat.SayAsync("那还房贷呢");

        var citations = Citations(followUp);
        Assert.True(citations.Count > 0, $"no citation in {followUp.Reply}");
        Assert.Contains(citations, c => c.Source == FundGuide && c.Section == "适用对象和办理条件");
    }

    [Fact]
    public async Task Post_FollowUpAskingItsOwnQuestion_IsAnsweredAboutTheEarlierTopic()
    {
        var chat = new ChatSession(server.Http);
        await chat.SayAsync("公积金租房能提吗");

        var followUp = await chat.SayAsync("一个月最多能提多少");

        var citations = Citations(followUp);
        Assert.True(citations.Count > 0, $"no citation in {followUp.Reply}");
        Assert.Equal(FundGuide, citations[0].Source);
    }

    [Fact]
    public async Task Post_FollowUpNamingAnotherService_SwitchesTopic()
    {
        var chat = new ChatSession(server.Http);
        await chat.SayAsync("社保转移要多久");

        var followUp = await chat.SayAsync("那公积金提取要多久");

        var citations = Citations(followUp);
        Assert.True(citations.Count > 0, $"no citation in {followUp.Reply}");
        Assert.Equal(FundGuide, citations[0].Source);
        Assert.DoesNotContain(citations, c => c.Source == InsuranceGuide);
    }

    [Theory]
    [InlineData("Can I withdraw my housing fund to pay rent?", "How long does it take?", "Time limit")]
    [InlineData("公积金租房能提吗", "Is there a fee?", "Fees")]
    public async Task Post_EnglishFollowUpAfterFundQuestion_IsAnsweredFromTheFundGuide(string question, string message, string section)
    {
        var chat = new ChatSession(server.Http);
        var first = await chat.SayAsync(question);
        Assert.True(first.CitationCount > 0, first.Reply);

        var followUp = await chat.SayAsync(message);

        var citations = Citations(followUp);
        Assert.True(citations.Count > 0, $"no citation in {followUp.Reply}");
        Assert.Equal("Housing Provident Fund Withdrawal Guide (sample)", citations[0].Source);
        Assert.Equal(section, citations[0].Section);
        Assert.Contains(citations, c => c.Source == FundGuide);
    }

    [Fact]
    public async Task Post_OneCharacterFollowUpSwitchingAwayFromTheFund_IsRefused()
    {
        var chat = new ChatSession(server.Http);
        var first = await chat.SayAsync("公积金怎么提取");
        Assert.True(first.CitationCount > 0, first.Reply);

        var followUp = await chat.SayAsync("那狗呢");

        Assert.Empty(Citations(followUp));
        Assert.Contains("12345", followUp.Reply, StringComparison.Ordinal);
        Assert.Equal(first.ConversationId, followUp.ConversationId);
    }

    private sealed record CitationView(string Source, string Section, string Text);

    private static List<CitationView> Citations(ChatTurn turn)
        => turn.Json.GetProperty("citations").EnumerateArray()
            .Select(c => new CitationView(Text(c, "source"), Text(c, "section"), Text(c, "text")))
            .ToList();

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";
}
