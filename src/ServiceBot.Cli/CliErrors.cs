using System.Text.Json;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Cli;

/// <summary>Failures caused by the user's input or files, reported as plain messages.</summary>
internal static class CliErrors
{
    public static bool IsUserFacing(Exception exception) => exception is
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or
        IOException or InvalidDataException or CorpusFormatException or KnowledgeFormatException or
        JsonException or FormatException or Microsoft.Extensions.Options.OptionsValidationException;
}

/// <summary>The command line itself is wrong: a missing or malformed argument.</summary>
public sealed class CliUsageException(string message) : Exception(message);
