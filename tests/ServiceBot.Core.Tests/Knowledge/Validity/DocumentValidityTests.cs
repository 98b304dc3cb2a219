using ServiceBot.Knowledge.Validity;

namespace ServiceBot.Core.Tests.Knowledge.Validity;

public sealed class DocumentValidityTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static DocumentValidity Of(params (string Key, string Value)[] metadata)
        => DocumentValidity.Of(metadata.ToDictionary(m => m.Key, m => m.Value), Today);

    [Fact]
    public void Of_NoValidityKeys_IsCurrentAndEffectiveFromItsDate()
    {
        var validity = Of(("date", "2025-10-29"));

        Assert.Equal(ValidityStatus.Current, validity.Status);
        Assert.Equal(new DateOnly(2025, 10, 29), validity.Effective);
        Assert.Equal("", validity.Mark);
    }

    [Theory]
    [InlineData("2026-06-01", ValidityStatus.Expired)]
    [InlineData("2026-05-31", ValidityStatus.Expired)]
    [InlineData("2026-06-02", ValidityStatus.Current)]
    public void Of_Expires_IsExpiredFromThatDayOn(string expires, string expected)
        => Assert.Equal(expected, Of(("effective", "2024-01-01"), ("expires", expires)).Status);

    [Fact]
    public void Of_EffectiveLater_IsNotYetEffectiveAndStillInForce()
    {
        var validity = Of(("effective", "2026年7月1日"));

        Assert.Equal(ValidityStatus.NotYetEffective, validity.Status);
        Assert.True(validity.InForce);
        Assert.Equal("【2026-07-01起施行】", validity.Mark);
    }

    [Fact]
    public void Of_SupersededBy_IsSupersededAndNamesTheReplacement()
    {
        var validity = Of(("effective", "2023-01-01"), ("superseded_by", "《某市骑手高温津贴办法（2026年）》"));

        Assert.Equal(ValidityStatus.Superseded, validity.Status);
        Assert.False(validity.InForce);
        Assert.Equal("【已被《某市骑手高温津贴办法（2026年）》替代】", validity.Mark);
    }

    [Fact]
    public void Of_ExpiredAndSuperseded_IsExpired()
        => Assert.Equal(ValidityStatus.Expired, Of(("expires", "2025-12-31"), ("superseded_by", "新办法")).Status);

    [Fact]
    public void Of_SupersededFromALaterExpiry_IsCurrentUntilThen()
        => Assert.Equal(ValidityStatus.Current, Of(("expires", "2026-12-31"), ("superseded_by", "新办法")).Status);
}
