using ServiceBot.Localization;

namespace ServiceBot.Backend;

/// <summary>
/// What a backend refusal tells the user. The backend's own Chinese message is the most specific (it names the balance,
/// the account status), so a Chinese conversation shows it; an English one gets the resource text for the refusal's code.
/// </summary>
public static class BackendErrorTexts
{
    /// <summary>Refusal codes the resources word, in both languages (<c>BackendError_&lt;code&gt;</c>).</summary>
    public static IReadOnlyList<string> KnownCodes { get; } =
    [
        "person_not_found", "fund_account_not_found", "ticket_not_found", "account_not_active", "account_not_sealed", "not_retired",
        "amount_exceeds_balance", "injury_pilot_not_enrolled", "insurance_not_held", "idempotency_conflict", "invalid_request",
        "company_name_taken", "appointment_date_unavailable",
    ];

    public static string Describe(string? code, string? backendMessage)
    {
        if (!BotLanguages.IsEnglish && !string.IsNullOrWhiteSpace(backendMessage)) return backendMessage;
        if (code is not null && KnownCodes.Contains(code, StringComparer.Ordinal)) return BotText.Get("BackendError_" + code);
        if (code is not null && code.StartsWith("http_", StringComparison.Ordinal))
            return BotText.Format(nameof(BotTexts.BackendError_Http), code["http_".Length..]);
        return BotText.Get(nameof(BotTexts.BackendError_Unexplained));
    }
}
