namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// English policy questions over POST /api/chat (real server, the repository's knowledge files): answered offline from the
/// English guides with the Chinese clause cited as well, or refused in English.
/// </summary>
public sealed class EnglishAnswerChatTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public async Task Post_EnglishPolicyQuestion_AnsweredInEnglishCitingTheChineseClause()
    {
        var turn = await new ChatSession(server.Http).SayAsync("How many foreign merchants and foreign-invested businesses are there in Yiwu?");

        Assert.Null(turn.Task);
        Assert.StartsWith("More than 30,000 foreign merchants live in Yiwu", turn.Reply);
        var citations = turn.Json.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal("Foreign Merchants in Yiwu", citations[0].GetProperty("source").GetString());
        Assert.Contains(citations, c => c.GetProperty("source").GetString() == "敢为人先 与时俱进——感受『义乌发展经验』新脉动"
                                        && c.GetProperty("section").GetString() == "“越来越多的外国商人想来义乌”"
                                        && c.GetProperty("text").GetString()!.Contains("常驻外商超3万人", StringComparison.Ordinal));
        Assert.Contains("Chinese source: 《敢为人先 与时俱进——感受『义乌发展经验』新脉动》", turn.Reply);
    }

    [Fact]
    public async Task Post_EnglishQuestionNoDocumentAnswers_RefusedInEnglishWithoutCitations()
    {
        var turn = await new ChatSession(server.Http).SayAsync("Can I renew my driving licence online?");

        Assert.Null(turn.Task);
        Assert.Equal(0, turn.CitationCount);
        Assert.StartsWith("Sorry", turn.Reply);
        Assert.Contains("12345", turn.Reply);
    }
}
