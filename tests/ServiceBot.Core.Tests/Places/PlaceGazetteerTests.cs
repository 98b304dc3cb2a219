using ServiceBot.Places;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Places;

public sealed class PlaceGazetteerTests
{
    private static readonly CityGazetteer Cities = SlotLexicons.LoadDefault().Cities;

    [Fact]
    public void Parse_WellFormedLines_FindsPlacesByCodeInAnyCase()
    {
        var gazetteer = PlaceGazetteer.Parse("""
            # 编码 | 名称 | 城市 | 区县 | 地址 | 最近的驿站
            HD-CT-0001 | 测试大厅 | 邯郸市 | 丛台区 | 邯郸市丛台区测试街2号 | 测试驿站
            YW-CC-0001 | 测试市场 | 义乌市 | 稠城街道 | 义乌市稠城街道测试路3号 |
            """, Cities);

        var handan = gazetteer.Find("hd-ct-0001");
        Assert.Equal(("HD-CT-0001", "邯郸市", "丛台区", "测试驿站"), (handan!.Code, handan.City, handan.District, handan.NearestStation));
        Assert.Null(gazetteer.Find("YW-CC-0001")!.NearestStation);
        Assert.Equal("邯郸市丛台区测试街2号（测试大厅）", handan.Location);
    }

    [Theory]
    [InlineData("HD-CT-9999")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("<script>")]
    public void Find_UnknownOrMalformedCode_ReturnsNull(string? code)
    {
        var gazetteer = PlaceGazetteer.Parse("HD-CT-0001 | 测试大厅 | 邯郸市 | 丛台区 | 测试街2号 |", Cities);

        Assert.Null(gazetteer.Find(code));
    }

    [Fact]
    public void Parse_DuplicateCode_NamesBothLines()
    {
        var error = Assert.Throws<FormatException>(() => PlaceGazetteer.Parse("""
            HD-CT-0001 | 测试大厅 | 邯郸市 | 丛台区 | 测试街2号 |
            hd-ct-0001 | 另一处 | 邯郸市 | 丛台区 | 测试街4号 |
            """, Cities));

        Assert.Contains("line 2: code hd-ct-0001 is already used on line 1", error.Message);
    }

    [Theory]
    [InlineData("HD-CT-0001 | 测试大厅 | 火星市 | 丛台区 | 测试街2号 |", "unknown city \"火星市\"")]
    [InlineData("HD-CT-0001 | 测试大厅 | 邯郸 | 丛台区 | 测试街2号 |", "write the city as \"邯郸市\"")]
    [InlineData("HD-CT-0001 | 测试大厅 | 邯郸市 | 开发区 | 测试街2号 |", "\"开发区\" is not a district of 邯郸市")]
    [InlineData("HD-0001 | 测试大厅 | 邯郸市 | 丛台区 | 测试街2号 |", "not of the form HD-CT-0001")]
    [InlineData("HD-CT-0001 | 测试大厅 | 邯郸市", "expected")]
    public void Parse_BadLine_ExplainsWhatIsWrongWithLineNumber(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PlaceGazetteer.Parse("# 注释\n" + line, Cities));

        Assert.StartsWith("line 2: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void LoadDefault_BuiltInGazetteer_CoversEverySandboxCityWithUniqueCodes()
    {
        var gazetteer = PlaceGazetteer.LoadDefault(Cities);

        Assert.InRange(gazetteer.All.Count, 10, 20);
        Assert.Equal(["义乌市", "昆山市", "邯郸市"], gazetteer.All.Select(p => p.City).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("丛台区政务服务中心", gazetteer.Find("HD-CT-0001")!.Name);
    }
}
