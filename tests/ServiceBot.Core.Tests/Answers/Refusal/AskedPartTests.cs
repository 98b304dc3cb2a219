using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public class AskedPartTests
{
    private const string ServicesFaq = "驿站一般提供歇脚休息、饮用水、热饭微波炉、手机充电、卫生间、应急药箱。";

    private static QueryTerm Term(string word, float weight) => new(word, weight, [word], IsDomain: false);

    [Theory]
    [InlineData("我跑外卖三年了，上个月摔了一跤，工伤能报吗", "工伤能报吗")]
    [InlineData("驿站里能洗澡不 有没有热水淋浴", "有没有热水淋浴")]
    [InlineData("老板欠了我两个月工资，咋办？", "老板欠了我两个月工资咋办")]
    [InlineData("公积金怎么取", "公积金怎么取")]
    public void Of_TakesTheLastPhraseAndLeansAShortOneOnTheOneBefore(string question, string asked)
        => Assert.Equal(asked, AskedPart.Of(question));

    [Fact]
    public void Coverage_StoryWordsTheClauseLacks_DoNotLowerTheAskedPart()
    {
        const string question = "我跑了三年外卖 电动车老是没电，驿站里能给手机充电吗";
        IReadOnlyList<QueryTerm> terms = [Term("外卖", 4), Term("电动车", 5), Term("驿站", 6), Term("手机", 3), Term("充电", 5)];

        Assert.Equal(1, AskedPart.Coverage(question, terms, TextNormalizer.Normalize(ServicesFaq)));
    }

    [Fact]
    public void Coverage_AskedThingTheClauseLacks_IsLow()
    {
        const string question = "驿站里能洗澡不 有没有热水淋浴";
        IReadOnlyList<QueryTerm> terms = [Term("驿站", 6), Term("洗澡", 7), Term("热水", 6), Term("淋浴", 8)];

        Assert.Equal(0, AskedPart.Coverage(question, terms, TextNormalizer.Normalize(ServicesFaq)));
    }

    [Fact]
    public void Coverage_NoTermInTheAskedPart_IsOne()
        => Assert.Equal(1, AskedPart.Coverage("问问驿站的事，离我最近的在什么地方", [Term("驿站", 6), Term("问问", 2)], TextNormalizer.Normalize(ServicesFaq)));

    [Fact]
    public void UncoveredPeak_HeaviestAskedWordTheClauseLacks_IgnoresTheStory()
    {
        const string question = "三伏天跑单晒得头发昏，驿站里头装空调没";
        IReadOnlyList<QueryTerm> terms = [Term("三伏天", 9), Term("跑单", 12), Term("驿站", 6), Term("空调", 8), Term("没", 3)];

        Assert.Equal(8, AskedPart.UncoveredPeak(question, terms, TextNormalizer.Normalize(ServicesFaq)));
        Assert.Equal(0, AskedPart.UncoveredPeak("天太热了，驿站里能喝水吗", [Term("驿站", 6), Term("喝水", 5)], TextNormalizer.Normalize(ServicesFaq + "喝水")));
    }

    [Theory]
    [InlineData("I crashed my bike on a delivery yesterday. Who pays for the hospital?", "Who pays for the hospital")]
    [InlineData("My boss fired me by text. Is that legal?", "My boss fired me by text Is that legal")]
    [InlineData("Where can I buy a SIM card near Yiwu market?", "Where can I buy a SIM card near Yiwu market")]
    [InlineData("How many days of maternity leave does a woman get? My wife works at a factory in Yiwu and is due in May.",
        "How many days of maternity leave does a woman get")]
    [InlineData("My boss owes me two months. I quit last week", "I quit last week")]
    public void Of_English_TakesTheLastQuestionSentenceNotTheLastWord(string question, string asked)
        => Assert.Equal(asked, AskedPart.Of(question));

    [Fact]
    public void UncoveredPeak_English_ReadsTheAskedSentence()
    {
        const string stations = "stations offer a place to rest, drinking water, a microwave, phone charging and toilets.";
        const string question = "I deliver food all day in the heat. Do the stations have a fridge?";
        IReadOnlyList<QueryTerm> terms = [Term("deliver", 4), Term("food", 4), Term("heat", 6), Term("station", 5), Term("fridge", 9)];

        Assert.Equal(9, AskedPart.UncoveredPeak(question, terms, TextNormalizer.Normalize(stations)));
        Assert.Equal(1, AskedPart.Coverage("I deliver food all day in the heat. Can I charge my phone at the stations?",
            [Term("deliver", 4), Term("food", 4), Term("heat", 6), Term("charg", 5), Term("phone", 4), Term("station", 5)], TextNormalizer.Normalize(stations)));
    }
}
