using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Server.Sandbox;

/// <summary>Collects field errors keyed by catalog slot id; each check returns the normalised value or null.</summary>
public sealed partial class SandboxErrors
{
    // China has no daylight saving, so a fixed offset is exact.
    internal static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public ValidationProblem? Result() => _errors.Count == 0 ? null : SandboxProblems.Invalid(_errors);

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public string? Required(string field, string? value, string label, int maxLength = 200)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) { Add(field, $"请填写{label}。"); return null; }
        if (trimmed.Length > maxLength) { Add(field, $"{label}不能超过 {maxLength} 个字。"); return null; }
        return trimmed;
    }

    /// <summary>An 18-character resident ID whose check digit follows GB 11643.</summary>
    public string? IdNumber(string field, string? value)
    {
        var id = Required(field, value, "身份证号码", 18)?.ToUpperInvariant();
        if (id is null) return null;
        if (!IdNumberPattern().IsMatch(id)) { Add(field, "身份证号码应为 18 位，前 17 位为数字，最后一位为数字或 X。"); return null; }
        if (!HasValidCheckDigit(id)) { Add(field, "身份证号码校验位不正确，请核对。"); return null; }
        return id;
    }

    public string? Phone(string field, string? value)
    {
        var phone = Required(field, value, "手机号码", 20)?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (phone is null) return null;
        if (!MobilePattern().IsMatch(phone)) { Add(field, "手机号码应为 11 位，以 1 开头。"); return null; }
        return phone;
    }

    public string? BankCard(string field, string? value)
    {
        var card = Required(field, value, "银行卡号", 30)?.Replace(" ", "", StringComparison.Ordinal);
        if (card is null) return null;
        if (!CardPattern().IsMatch(card) || !HasValidLuhnDigit(card)) { Add(field, "银行卡号不正确，请核对（应为 12 到 19 位数字）。"); return null; }
        return card;
    }

    /// <summary>A passport document number (PK1234567), upper-cased.</summary>
    public string? Passport(string field, string? value)
    {
        var text = Required(field, value, "护照号码", 20);
        if (text is null) return null;
        var validation = PassportValidator.Validate(text);
        if (!validation.IsValid) { Add(field, validation.Reason + "。"); return null; }
        return validation.Normalized;
    }

    /// <summary>A name ending in its organisational form (有限公司, Co., Ltd.).</summary>
    public string? CompanyName(string field, string? value)
    {
        var text = Required(field, value, "企业名称", 100);
        if (text is null) return null;
        var validation = CompanyNameValidator.Validate(text);
        if (!validation.IsValid) { Add(field, validation.Reason + "。"); return null; }
        return validation.Normalized;
    }

    /// <summary>"500000 USD": a positive amount with at most two decimals and an ISO 4217 code the registry accepts.</summary>
    public string? RegisteredCapital(string field, string? value)
    {
        var text = Required(field, value, "注册资本", 40);
        if (text is null) return null;
        if (!CurrencyAmountParser.TryParseNormalized(text, out var amount, out var currency) || !AcceptedCurrencies.Contains(currency))
        {
            Add(field, $"注册资本应写成“金额 币种代码”，例如“500000 USD”；币种代码可为：{string.Join("、", AcceptedCurrencies.Order(StringComparer.Ordinal))}。");
            return null;
        }
        if (amount <= 0) { Add(field, "注册资本必须大于 0。"); return null; }
        return CurrencyAmountParser.Format(amount, currency);
    }

    /// <summary>An ISO date, today or later in Beijing, on a working day.</summary>
    public DateOnly? AppointmentDate(string field, string? value, DateOnly today)
    {
        var text = Required(field, value, "预约日期", 10);
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, "预约日期应为 yyyy-MM-dd 格式，例如 2026-12-03。");
            return null;
        }
        var validation = AppointmentDateValidator.Validate(date, today, WorkingDayCalendar.Default);
        if (!validation.IsValid) { Add(field, validation.Reason + "。"); return null; }
        return date;
    }

    private static readonly IReadOnlySet<string> AcceptedCurrencies = AliasLexicon.Parse(Understanding.UnderstandingData.ReadLexicon("currencies.txt")).Canonicals.ToHashSet(StringComparer.Ordinal);

    public decimal? PositiveAmount(string field, decimal? value, string label)
    {
        if (value is null) { Add(field, $"请填写{label}。"); return null; }
        if (value <= 0) { Add(field, $"{label}必须大于 0。"); return null; }
        if (decimal.Round(value.Value, 2) != value) { Add(field, $"{label}最多保留两位小数。"); return null; }
        return value;
    }

    public string? OneOf(string field, string? value, string label, IReadOnlyCollection<string> allowed)
    {
        var text = Required(field, value, label, 50);
        if (text is null) return null;
        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null) Add(field, $"{label}只能是：{string.Join("、", allowed)}。");
        return match;
    }

    /// <summary>An ISO 8601 moment not in the future; without an offset it is read as Beijing time.</summary>
    public DateTimeOffset? PastMoment(string field, string? value, string label, DateTimeOffset now)
    {
        var text = Required(field, value, label, 40);
        if (text is null) return null;
        DateTimeOffset moment;
        if (OffsetSuffix().IsMatch(text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment)) moment = default;
        }
        else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            moment = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaOffset);
        }
        else moment = default;

        if (moment == default) { Add(field, $"{label}应为 ISO 8601 格式，例如 2025-06-01T15:00:00+08:00。"); return null; }
        if (moment > now.AddMinutes(5)) { Add(field, $"{label}不能晚于当前时间。"); return null; }
        return moment;
    }

    public static string FormatAmount(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    public static string FormatMoment(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static bool HasValidCheckDigit(string id)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * weights[i];
        return "10X98765432"[sum % 11] == id[17];
    }

    public static bool HasValidLuhnDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^\d{12,19}$")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();
}
