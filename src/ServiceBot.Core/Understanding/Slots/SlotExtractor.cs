using ServiceBot.Localization;
using System.Text.RegularExpressions;
using ServiceBot.Text;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// Finds slot values in one message. Long numbers are claimed first (an ID holds a birth date and a
/// card holds many digits), then dates and periods, then amounts in what is left, so no digit is read twice.
/// Numbers read out digit by digit (一三八零零…) count as typed ones (<see cref="SpokenDigits"/>).
/// <paramref name="clock"/> is the conversation's clock; its time zone is the one dates are read in.
/// </summary>
public sealed partial class SlotExtractor(SlotLexicons lexicons, TimeProvider clock)
{
    private const char Mask = '□';
    private readonly ChineseDateTimeExtractor _dates = new(clock);
    private readonly EnglishDateTimeExtractor _englishDates = new(clock);

    public static SlotExtractor CreateDefault(TimeProvider? clock = null) => new(SlotLexicons.LoadDefault(), clock ?? TimeProvider.System);

    public SlotLexicons Lexicons { get; } = lexicons;

    public SlotExtractionResult ExtractSlots(string text, IReadOnlyCollection<string> wantedSlotIds, string? expectedSlot = null)
        => ExtractSlots(text, wantedSlotIds, clock.GetUtcNow(), expectedSlot);

    /// <param name="wantedSlotIds">Slots of the active task (or of the task being started).</param>
    /// <param name="expectedSlot">The slot the bot just asked for: a bare answer fills it.</param>
    public SlotExtractionResult ExtractSlots(string text, IReadOnlyCollection<string> wantedSlotIds, DateTimeOffset now, string? expectedSlot = null)
    {
        var normalized = SpokenDigits.ToAscii(TextNormalizer.Normalize(text ?? ""));
        var localNow = TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone).DateTime;
        var candidates = new List<ExtractedSlot>();
        var masked = normalized.ToCharArray();
        bool Wants(string slot) => expectedSlot == slot || wantedSlotIds.Contains(slot);

        var passports = Wants(SlotIds.Passport) ? AddPassports(candidates, masked, normalized, expectedSlot) : [];
        foreach (var token in NumberTokenExtractor.FindAll(normalized, expectedSlot))
        {
            if (passports.Any(p => Overlaps(p.Start, p.Length, token.Start, token.Length))) continue;
            var (slot, validation) = token.Kind switch
            {
                NumberKind.IdNumber => (SlotIds.IdNumber, IdNumberValidator.Validate(token.Compact, DateOnly.FromDateTime(localNow))),
                NumberKind.BankCard => (SlotIds.BankCard, BankCardValidator.Validate(token.Compact)),
                _ => (SlotIds.Phone, MobilePhoneValidator.Validate(token.Compact)),
            };
            candidates.Add(new ExtractedSlot(slot, validation.Normalized ?? token.Compact, token.Start, token.Length, validation));
            MaskSpan(masked, token.Start, token.Length);
        }

        AddTickets(candidates, masked, normalized, expectedSlot);

        var afterNumbers = new string(masked);
        var periods = WagePeriodExtractor.FindAll(afterNumbers, localNow);
        foreach (var period in periods)
        {
            candidates.Add(new ExtractedSlot(SlotIds.Period, period.Value, period.Start, period.Length, SlotValidation.Valid(period.Value)));
            MaskSpan(masked, period.Start, period.Length);
        }
        if (Wants(SlotIds.AppointmentDate))
        {
            var today = DateOnly.FromDateTime(localNow);
            var ahead = _dates.FindAll(afterNumbers, now, DateLean.Future).Concat(_englishDates.FindAll(afterNumbers, now, DateLean.Future));
            foreach (var date in ahead)
            {
                // 下周一上午十点 books the day: the validator's ISO date, not the moment.
                var validation = AppointmentDateValidator.Validate(date, today, WorkingDayCalendar.Default);
                candidates.Add(new ExtractedSlot(SlotIds.AppointmentDate, validation.Normalized ?? date.Value, date.Start, date.Length, validation));
            }
        }
        void AddDate(DateTimeMention date)
        {
            if (date.Precision is DateTimePrecision.Month && !periods.Any(p => Overlaps(p.Start, p.Length, date.Start, date.Length)))
                candidates.Add(new ExtractedSlot(SlotIds.Period, date.Value, date.Start, date.Length, SlotValidation.Valid(date.Value)));
            candidates.Add(new ExtractedSlot(SlotIds.AccidentTime, date.Value, date.Start, date.Length, ValidateAccidentTime(date, localNow)));
            MaskSpan(masked, date.Start, date.Length);
        }
        foreach (var date in _dates.FindAll(afterNumbers, now)) AddDate(date);
        // English dates in what the Chinese reader left (it has already taken ISO dates).
        foreach (var date in _englishDates.FindAll(new string(masked), now, DateLean.Past)) AddDate(date);

        // Digits read one by one (八八零零 二三四五) are part of a card or phone being read out, never a sum of money.
        MaskSpokenDigits(masked, TextNormalizer.Normalize(text ?? ""));

        if (Wants(SlotIds.RegisteredCapital))
        {
            // Without a currency the amount is only worth a reason when the capital was asked for.
            var (capital, verdict) = CurrencyAmountParser.Find(new string(masked), Lexicons.Currencies);
            if (verdict is not null && (capital is not null || expectedSlot == SlotIds.RegisteredCapital))
                candidates.Add(new ExtractedSlot(SlotIds.RegisteredCapital, verdict.Normalized ?? normalized, capital?.Start ?? 0,
                    capital?.Length ?? normalized.Length, verdict));
        }
        foreach (var amount in AmountExtractor.FindAll(new string(masked), bareNumberIsAmount: expectedSlot == SlotIds.Amount))
            candidates.Add(new ExtractedSlot(SlotIds.Amount, amount.Normalized, amount.Start, amount.Length, AmountValidator.Validate(amount.Yuan)));

        AddLexiconMatches(candidates, SlotIds.Platform, Lexicons.Platforms, normalized);
        AddLexiconMatches(candidates, SlotIds.InsuranceType, Lexicons.InsuranceTypes, normalized);
        AddLexiconMatches(candidates, SlotIds.Reason, Lexicons.WithdrawalReasons, normalized);
        AddPlaces(candidates, normalized, wantedSlotIds, expectedSlot);
        AddFreeText(candidates, text ?? "", normalized, expectedSlot);

        return new SlotExtractionResult(Choose(candidates, wantedSlotIds, expectedSlot), candidates);
    }

    private static SlotValidation ValidateAccidentTime(DateTimeMention date, DateTime localNow)
    {
        if (date.Precision is DateTimePrecision.Year or DateTimePrecision.Month)
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_DateNotSpecific)), date.Value);
        if (date.Local > localNow.AddMinutes(5))
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_AccidentInFuture)), date.Value);
        return SlotValidation.Valid(date.Value);
    }

    /// <summary>
    /// Passport numbers, claimed before long digits and tickets (PK1234567 has the shape of neither, but its digits
    /// must not be read as an amount). Asked for one, a reply with none gets the validator's reason: an ID number, a typo.
    /// </summary>
    private static List<(int Start, int Length)> AddPassports(List<ExtractedSlot> candidates, char[] masked, string normalized, string? expectedSlot)
    {
        var spans = new List<(int Start, int Length)>();
        foreach (var (value, start, length) in PassportValidator.FindAll(normalized))
        {
            candidates.Add(new ExtractedSlot(SlotIds.Passport, value, start, length, PassportValidator.Validate(value)));
            MaskSpan(masked, start, length);
            spans.Add((start, length));
        }
        if (spans.Count > 0 || expectedSlot != SlotIds.Passport) return spans;
        // 护照号是 pk 123 4567: drop the words, keep what could be the number.
        var reply = new string(FreeTextSlots.StripFillers(normalized).Where(c => !TextNormalizer.IsCjk(c)).ToArray()).Trim(' ', ':', '：', '，', ',');
        if (reply.Length == 0) return spans;
        var validation = PassportValidator.Validate(reply);
        candidates.Add(new ExtractedSlot(SlotIds.Passport, validation.Normalized ?? reply.ToUpperInvariant(), 0, normalized.Length, validation));
        return spans;
    }

    private static void AddTickets(List<ExtractedSlot> candidates, char[] masked, string normalized, string? expectedSlot)
    {
        var found = false;
        foreach (Match match in TicketPattern().Matches(new string(masked)))
        {
            var validation = TicketNumberValidator.Validate(match.Value);
            candidates.Add(new ExtractedSlot(SlotIds.Ticket, validation.Normalized ?? match.Value.ToUpperInvariant(), match.Index, match.Length, validation));
            MaskSpan(masked, match.Index, match.Length);
            found = true;
        }
        if (!found && expectedSlot == SlotIds.Ticket)
        {
            var reply = FreeTextSlots.StripFillers(normalized);
            var validation = TicketNumberValidator.Validate(reply);
            candidates.Add(new ExtractedSlot(SlotIds.Ticket, validation.Normalized ?? reply, normalized.IndexOf(reply, StringComparison.Ordinal), reply.Length, validation));
        }
    }

    private static void AddLexiconMatches(List<ExtractedSlot> candidates, string slot, AliasLexicon lexicon, string normalized)
    {
        foreach (var match in lexicon.FindAll(normalized))
            candidates.Add(new ExtractedSlot(slot, match.Canonical, match.Start, match.Length, SlotValidation.Valid(match.Canonical)));
    }

    private void AddPlaces(List<ExtractedSlot> candidates, string normalized, IReadOnlyCollection<string> wanted, string? expectedSlot)
    {
        var mentions = Lexicons.Cities.FindAll(normalized);
        var transfer = wanted.Contains(SlotIds.FromCity) || wanted.Contains(SlotIds.ToCity)
            || expectedSlot is SlotIds.FromCity or SlotIds.ToCity;
        var unassigned = new List<PlaceMention>();
        var directed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            candidates.Add(Place(SlotIds.City, mention.City, mention));
            if (mention.District is { } district) candidates.Add(Place(SlotIds.District, district, mention));
            // 我老婆是宜昌人 says where someone is from; 成都的之前已经转到重庆了 is a transfer already done.
            if (!transfer || IsNativePlace(normalized, mention) || InDoneTransfer(normalized, mention)) continue;
            switch (DirectionOf(normalized, mention))
            {
                case TransferDirection.From: candidates.Add(Place(SlotIds.FromCity, mention.City, mention)); directed.Add(mention.City); break;
                case TransferDirection.To: candidates.Add(Place(SlotIds.ToCity, mention.City, mention)); directed.Add(mention.City); break;
                default: unassigned.Add(mention); break;
            }
        }
        if (!transfer || unassigned.Count == 0) return;
        // No direction words: a lone city answers the question just asked; two cities read "from A to B".
        var hasFrom = candidates.Any(c => c.SlotId == SlotIds.FromCity);
        var hasTo = candidates.Any(c => c.SlotId == SlotIds.ToCity);
        // A city named twice (深圳 深圳南山), or named again after its direction was given, is one end, not both.
        unassigned = unassigned.Where(m => !directed.Contains(m.City)).DistinctBy(m => m.City).ToList();
        foreach (var mention in unassigned)
        {
            var slot = expectedSlot is SlotIds.FromCity or SlotIds.ToCity && unassigned.Count == 1 ? expectedSlot
                : !hasFrom ? SlotIds.FromCity : !hasTo ? SlotIds.ToCity : null;
            if (slot is null) break;
            candidates.Add(Place(slot, mention.City, mention));
            if (slot == SlotIds.FromCity) hasFrom = true; else hasTo = true;
        }
    }

    private enum TransferDirection { Unknown, From, To }

    private static TransferDirection DirectionOf(string text, PlaceMention mention)
    {
        var before = text[Math.Max(0, mention.Start - 5)..mention.Start];
        var after = text[(mention.Start + mention.Length)..Math.Min(text.Length, mention.Start + mention.Length + 4)];
        if (ToBefore().IsMatch(before)) return TransferDirection.To;
        if (FromBefore().IsMatch(before)) return TransferDirection.From;
        if (FromAfter().IsMatch(after)) return TransferDirection.From;
        if (ToAfter().IsMatch(after)) return TransferDirection.To;
        return TransferDirection.Unknown;
    }

    private static bool IsNativePlace(string text, PlaceMention mention)
        => NativeAfter().IsMatch(text.AsSpan(mention.Start + mention.Length));

    private static bool InDoneTransfer(string text, PlaceMention mention)
    {
        var clauseStart = text.LastIndexOf(' ', Math.Max(0, mention.Start - 1)) + 1;
        var clauseEnd = text.IndexOf(' ', mention.Start + mention.Length);
        var clause = text[clauseStart..(clauseEnd < 0 ? text.Length : clauseEnd)];
        return DoneTransfer().IsMatch(clause);
    }

    private static ExtractedSlot Place(string slot, string value, PlaceMention mention)
        => new(slot, value, mention.Start, mention.Length, SlotValidation.Valid(value));

    private void AddFreeText(List<ExtractedSlot> candidates, string original, string normalized, string? expectedSlot)
    {
        if (expectedSlot is not null && SlotIds.FreeText.Contains(expectedSlot))
        {
            var reply = FreeTextSlots.StripFillers(original);
            var validation = expectedSlot == SlotIds.CompanyName ? CompanyNameValidator.Validate(reply)
                : reply.Length >= 2 ? SlotValidation.Valid(reply) : SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_TextTooShort)), reply);
            candidates.Add(new ExtractedSlot(expectedSlot, validation.Normalized ?? reply, Math.Max(0, original.IndexOf(reply, StringComparison.Ordinal)), reply.Length, validation));
            return;
        }
        // Found in the normalised text, taken from the user's own: 地铁站B口 keeps its capital.
        string AsSaid((string Value, int Start, int Length) found)
            => original.Length == normalized.Length ? original.Substring(found.Start, found.Length) : found.Value;
        if (FreeTextSlots.FindPlace(normalized) is { } place)
        {
            var value = AsSaid(place);
            candidates.Add(new ExtractedSlot(SlotIds.AccidentPlace, value, place.Start, place.Length, SlotValidation.Valid(value)));
            candidates.Add(new ExtractedSlot(SlotIds.Location, value, place.Start, place.Length, SlotValidation.Valid(value)));
        }
        if (FreeTextSlots.FindInjury(normalized) is { } injury)
            candidates.Add(new ExtractedSlot(SlotIds.Injury, AsSaid(injury), injury.Start, injury.Length, SlotValidation.Valid(AsSaid(injury))));
        // 在上海上班 names where the caller worked, not for whom.
        if (FreeTextSlots.FindEmployer(normalized) is { } employer && !IsPlaceName(employer.Value))
            candidates.Add(new ExtractedSlot(SlotIds.Employer, AsSaid(employer), employer.Start, employer.Length, SlotValidation.Valid(AsSaid(employer))));
    }

    private bool IsPlaceName(string text) => Lexicons.Cities.FindAll(text).Any(m => m.Start == 0 && m.Length == text.Length);

    /// <summary>Per wanted slot: the first valid candidate, else the first one (so its reason can be shown).</summary>
    private static Dictionary<string, ExtractedSlot> Choose(List<ExtractedSlot> candidates, IReadOnlyCollection<string> wanted, string? expectedSlot)
    {
        var chosen = new Dictionary<string, ExtractedSlot>(StringComparer.Ordinal);
        var slots = expectedSlot is null || wanted.Contains(expectedSlot) ? wanted : wanted.Append(expectedSlot).ToList();
        foreach (var slot in slots)
        {
            // The earliest valid mention, else the earliest; of mentions at one place the first found.
            ExtractedSlot? earliest = null, earliestValid = null;
            foreach (var candidate in candidates)
            {
                if (candidate.SlotId != slot) continue;
                if (earliest is null || candidate.Start < earliest.Start) earliest = candidate;
                if (candidate.IsValid && (earliestValid is null || candidate.Start < earliestValid.Start)) earliestValid = candidate;
            }
            if (earliest is not null) chosen[slot] = earliestValid ?? earliest;
        }
        return chosen;
    }

    /// <summary>Masks the characters <see cref="SpokenDigits"/> turned from spoken digits into ASCII ones.</summary>
    private static void MaskSpokenDigits(char[] masked, string spoken)
    {
        for (var i = 0; i < masked.Length && i < spoken.Length; i++)
            if (char.IsAsciiDigit(masked[i]) && !char.IsAsciiDigit(spoken[i])) masked[i] = Mask;
    }

    private static void MaskSpan(char[] text, int start, int length)
    {
        for (var i = start; i < start + length; i++) text[i] = Mask;
    }

    private static bool Overlaps(int aStart, int aLength, int bStart, int bLength) => aStart < bStart + bLength && bStart < aStart + aLength;

    [GeneratedRegex(@"(?<![a-z0-9])[a-z]{1,8}-?\d{4,}(?:-[a-z0-9]+)*(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex TicketPattern();

    // 把杭州交的医保转回去: what is moved comes from there.
    [GeneratedRegex(@"(从|由|自|原来在|之前在|以前在|老家|把|(?<![a-z])from\s)$")]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"^(?:市)?人(?![社民])")]
    private static partial Regex NativeAfter();

    [GeneratedRegex(@"(?:已经|早就|早已|之前就)(?:都)?(?:转|迁)")]
    private static partial Regex DoneTransfer();

    [GeneratedRegex(@"(转到|转入|转去|转往|转至|转回|迁到|迁往|迁入|调到|到|去|回|来|往|回老家|到老家|(?<![a-z])(?:to|into)\s)$")]
    private static partial Regex ToBefore();

    [GeneratedRegex(@"^(市)?(转出|迁出|转走)")]
    private static partial Regex FromAfter();

    // "杭州转入" names the destination only when nothing follows; in "郑州转入义乌" 转入 points at 义乌.
    [GeneratedRegex(@"^(市)?(转入|迁入)($|[,，。!！?？\s])")]
    private static partial Regex ToAfter();
}
