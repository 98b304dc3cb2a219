using ServiceBot.Answers.Refusal;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public class NamedPlacesTests
{
    private const string StationFaq = "查不到附近的驿站怎么办？可以换一个区县再查，或者拨打12345咨询当地的户外劳动者服务站。";

    [Theory]
    [InlineData("深圳的骑手驿站一共有多少个")]
    [InlineData("杭州市的驿站几点关门")]
    [InlineData("美团骑手驿站归谁管")]
    [InlineData("饿了么的站长能不能去驿站")]
    public void NamesOneTheClauseLacks_CityOrPlatformTheClauseDoesNotName_IsTrue(string question)
        => Assert.True(NamedPlaces.NamesOneTheClauseLacks(question, TextNormalizer.Normalize(StationFaq)));

    [Theory]
    [InlineData("查不到附近的驿站咋办")]
    [InlineData("义乌的外商多不多")]
    [InlineData("滴滴司机受伤了能报吗")]
    public void NamesOneTheClauseLacks_NoPlaceOrOneTheClauseNames_IsFalse(string question)
    {
        const string clause = "义乌是全球最大的小商品集散地，外商常驻；平台企业例如美团、饿了么、滴滴出行、货拉拉等应当协助提供接单数据。";

        Assert.False(NamedPlaces.NamesOneTheClauseLacks(question, TextNormalizer.Normalize(question.StartsWith("查不到") ? StationFaq : clause)));
    }
}
