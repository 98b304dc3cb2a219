namespace ServiceBot.Analytics;

/// <summary>What kind of reply a turn got, as the turn analytics store and the <c>/metrics</c> labels name it.</summary>
public static class TurnOutcomes
{
    /// <summary>A knowledge answer grounded on cited clauses.</summary>
    public const string Grounded = "grounded";

    /// <summary>A knowledge question the indexed texts do not answer.</summary>
    public const string Refusal = "refusal";

    /// <summary>A question outside the service (no domain word, or the out-of-scope intent).</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>A step of a 一件事 form: a slot asked or taken, a confirmation, a submission.</summary>
    public const string TaskStep = "task_step";

    /// <summary>The conversation is (or is now) with a person.</summary>
    public const string Handoff = "handoff";

    /// <summary>Greetings, thanks, menus and anything else.</summary>
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Grounded, Refusal, OutOfScope, TaskStep, Handoff, Other];

    /// <summary>Outcomes whose question text is kept (encrypted): the answered and the unanswered questions.</summary>
    public static bool KeepsQuestion(string outcome) => outcome is Grounded or Refusal or OutOfScope;

    /// <summary>Outcomes that left the user's question unanswered.</summary>
    public static bool IsUnanswered(string outcome) => outcome is Refusal or OutOfScope;
}
