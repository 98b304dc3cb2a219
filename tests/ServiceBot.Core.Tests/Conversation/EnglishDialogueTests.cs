using System.Text.RegularExpressions;
using ServiceBot.Conversation;
using ServiceBot.Localization;

namespace ServiceBot.Core.Tests.Conversation;

/// <summary>A conversation in English runs its task in English; a Chinese message switches it back.</summary>
public sealed partial class EnglishDialogueTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task HandleAsync_HotlineAppealInEnglish_EveryReplyEnglishUpToTheTicket()
    {
        var bot = new EngineHarness(fixture);

        var replies = new List<Reply>
        {
            await bot.Say("File a 12345 hotline request"),
            await bot.Say("The street light outside my building has been broken for a week"),
            await bot.Say("Renmin Road, Congtai District"),
            await bot.Say("13800001111"),
        };
        var confirming = replies[^1];
        replies.Add(await bot.Say("change the phone number to 13900002222"));
        replies.Add(await bot.Say("yes"));

        Assert.All(replies, r => Assert.DoesNotMatch(Cjk(), r.Markdown));
        Assert.All(replies.SelectMany(r => r.Suggestions), s => Assert.DoesNotMatch(Cjk(), s));
        Assert.Contains("Please describe your **request**", replies[0].Markdown);
        Assert.Contains("change the phone number to 13900002222", confirming.Markdown);
        Assert.Equal(["Confirm and submit", "Change", "Cancel"], confirming.Suggestions);
        Assert.Equal("13900002222", Assert.Single(bot.Backend.Calls).Arguments["phone"]);
        Assert.Equal("submitted", replies[^1].Task!.State);
        Assert.Contains($"Ticket number: **{replies[^1].Task!.Ticket}**", replies[^1].Markdown);
        Assert.Equal(BotLanguages.English, (await bot.Store.FindAsync(replies[^1].ConversationId, CancellationToken.None))!.Language);
    }

    [Fact]
    public async Task HandleAsync_LongEnglishQuestionWhileDescribing_IsAskedNotTakenAsTheDescription()
    {
        var bot = new EngineHarness(fixture);

        await bot.Say("File a 12345 hotline request");
        var reply = await bot.Say("and is it free, or do I have to pay something for filing it?");

        // The question goes to the knowledge (this fixture holds no hotline guide), and the form asks for the description again.
        Assert.Contains("Let's continue with the **12345 hotline request**", reply.Markdown);
        Assert.Contains("Please describe your **request**", reply.Markdown);
        Assert.DoesNotContain("**Where exactly**", reply.Markdown);
        Assert.Equal("collecting", reply.Task!.State);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_HowManyDaysAskedMidSentenceWhileAnIdIsAsked_IsAskedNotReadAsTheId()
    {
        var bot = new EngineHarness(fixture);

        var opened = await bot.Say("Withdraw from my housing fund");
        var reply = await bot.Say("after i submit how many days till the money hits my card");

        Assert.Contains("Let's continue with the **housing fund withdrawal**", reply.Markdown);
        Assert.DoesNotContain("was recognised", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(opened.Task!.Missing, reply.Task!.Missing);
        Assert.Equal("collecting", reply.Task.State);
    }

    [Fact]
    public async Task HandleAsync_YesOrNoQuestionNamingAnInsuranceWhileAnIdIsAsked_IsAskedNotTakenAsTheInsurance()
    {
        var bot = new EngineHarness(fixture);

        var opened = await bot.Say("Transfer my social insurance to another city");
        var reply = await bot.Say("do those 6 years still count for his pension or he start again from zero");

        // "pension" names an insurance the form takes, but the message asks; it is answered and no slot is filled.
        Assert.Contains("Let's continue with the", reply.Markdown);
        Assert.Equal(opened.Task!.Missing, reply.Task!.Missing);
        Assert.Equal("collecting", reply.Task.State);
    }

    [Fact]
    public async Task HandleAsync_QuestionAboutOwnPartWhileDescribing_IsAskedNotTakenAsTheDescription()
    {
        var bot = new EngineHarness(fixture);

        await bot.Say("File a 12345 hotline request");
        var reply = await bot.Say("do i need to send photos or is describing it enough? and do i have to leave my phone number");

        Assert.Contains("Please describe your **request**", reply.Markdown);
        Assert.DoesNotContain("**Where exactly**", reply.Markdown);
        Assert.Equal("collecting", reply.Task!.State);
    }

    [Fact]
    public async Task HandleAsync_ChineseMessageAfterEnglish_SwitchesBack()
    {
        var bot = new EngineHarness(fixture);

        var english = await bot.Say("Withdraw from my housing fund");
        var neutral = await bot.Say("130402199003074510");
        var chinese = await bot.Say("算了不办了");

        Assert.Contains("**resident ID number**", english.Markdown);
        Assert.Contains("What is the **reason** for the withdrawal?", neutral.Markdown);
        Assert.Contains("rent", neutral.Suggestions);
        Assert.Equal("cancelled", chinese.Task!.State);
        Assert.Contains("已取消**住房公积金提取**", chinese.Markdown);
    }

    [Fact]
    public async Task HandleAsync_ChineseNameForAFreeTextSlot_KeepsEnglish()
    {
        var bot = new EngineHarness(fixture);

        await bot.SayAll("Book a foreign-invested company registration", "PK1234567");
        var reply = await bot.Say("义乌环球贸易有限公司");

        Assert.Equal("义乌环球贸易有限公司", reply.Task!.Slots["company_name"]);
        Assert.Contains("Please describe the company's **business scope**", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_InvalidValueInEnglish_ReasonInEnglish()
    {
        var bot = new EngineHarness(fixture);

        await bot.Say("Report an occupational injury");
        var reply = await bot.Say("130402199003074511");

        Assert.Contains("The ID number you gave did not pass the check: the check digit of the ID number is wrong", reply.Markdown);
        Assert.DoesNotMatch(Cjk(), reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_StationsListedInEnglish_OnlyNamesStayChinese()
    {
        var bot = new EngineHarness(fixture);

        await bot.Say("Find a nearby rest station");
        var reply = await bot.Say("I am in 邯郸市");

        Assert.Equal("submitted", reply.Task!.State);
        Assert.Contains("- Services: rest area, drinking water, phone and battery charging", reply.Markdown);
        // The backend's own names of the station and its place are proper names, shown as they are.
        var withoutNames = new[] { "丛台区新就业群体驿站", "邯郸市", "丛台区", "丛台路88号" }
            .Aggregate(reply.Markdown, (text, name) => text.Replace(name, "", StringComparison.Ordinal));
        Assert.DoesNotMatch(Cjk(), withoutNames);
    }

    [GeneratedRegex(@"[\u3400-\u9FFF\uF900-\uFAFF]")]
    private static partial Regex Cjk();
}
