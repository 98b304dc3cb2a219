using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Core.Tests.Understanding;
using ServiceBot.Tasks;

namespace ServiceBot.Core.Tests.Assist;

/// <summary>The real assist parts over the engine fixture's classifier and small knowledge base.</summary>
internal static class AssistTestSupport
{
    public static readonly DateTimeOffset CallTime = DateTimeOffset.Parse("2026-11-28T09:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

    public static TranscriptTaskReader Reader(EngineFixture fixture)
        => new(TaskCatalog.Default, ConversationUnderstanding.Create(fixture.Intents, new ServiceTimeProvider(FixedTimeProvider.At("2026-11-28 09:30"))));

    public static TemplatedReplySuggester Suggester(EngineFixture fixture)
        => new(_ => Task.FromResult(fixture.KnowledgeBase), new ExtractiveAnswerComposer(), Reader(fixture));

    public static CallAssistant Assistant(EngineFixture fixture)
        => new(Reader(fixture), new ExtractiveConversationSummarizer(TaskCatalog.Default), Suggester(fixture), FixedTimeProvider.At("2026-11-28 09:30"));

    public static TranscriptLine Caller(string text) => new(Speakers.User, text, CallTime);

    public static TranscriptLine Agent(string text) => new(Speakers.Agent, text, CallTime);

    public static Task<CallAssistResult> AssistAsync(this CallAssistant assistant, DateTimeOffset? at, params TranscriptLine[] lines)
        => assistant.AssistAsync(new CallAssistRequest("call-1", at, lines), CancellationToken.None);
}
