using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public sealed class CurrencyAmountParserTests
{
    private static readonly AliasLexicon Currencies = SlotLexicons.LoadDefault().Currencies;

    private static SlotValidation? Parse(string text) => CurrencyAmountParser.Find(TextNormalizer.Normalize(text), Currencies).Validation;

    [Theory]
    [InlineData("50万美元", "500000 USD")]
    [InlineData("100万元人民币", "1000000 CNY")]
    [InlineData("五十万美元", "500000 USD")]
    [InlineData("注册资本一百万元", "1000000 CNY")]
    [InlineData("500,000 USD", "500000 USD")]
    [InlineData("USD 500k", "500000 USD")]
    [InlineData("1 million US dollars", "1000000 USD")]
    [InlineData("1.5万欧元", "15000 EUR")]
    [InlineData("港币200万", "2000000 HKD")]
    [InlineData("300000PKR", "300000 PKR")]
    public void Find_AmountWithCurrency_NormalisesToAmountAndIsoCode(string text, string expected)
    {
        var result = Parse(text);

        Assert.NotNull(result);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.Normalized);
    }

    [Fact]
    public void Find_AmountWithoutCurrency_AsksForTheCurrency()
    {
        var result = Parse("50万");

        Assert.NotNull(result);
        Assert.False(result.IsValid);
        Assert.Contains("币种", result.Reason);
    }

    [Fact]
    public void Find_ZeroAmount_IsRefused()
    {
        var result = Parse("0美元");

        Assert.NotNull(result);
        Assert.False(result.IsValid);
        Assert.Contains("大于0", result.Reason);
    }

    [Fact]
    public void Find_NoNumber_FindsNothing() => Assert.Null(Parse("我想注册一家公司"));

    [Theory]
    [InlineData("500000 USD", 500000, "USD")]
    [InlineData("12.5 CNY", 12.5, "CNY")]
    public void TryParseNormalized_StoredValue_GivesItsParts(string value, decimal amount, string currency)
    {
        Assert.True(CurrencyAmountParser.TryParseNormalized(value, out var parsedAmount, out var parsedCurrency));
        Assert.Equal(amount, parsedAmount);
        Assert.Equal(currency, parsedCurrency);
    }

    [Theory]
    [InlineData("50万美元")]
    [InlineData("USD")]
    [InlineData("500000 usd")]
    public void TryParseNormalized_AnythingElse_IsFalse(string value) => Assert.False(CurrencyAmountParser.TryParseNormalized(value, out _, out _));
}
