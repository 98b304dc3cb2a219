using Microsoft.Extensions.Options;

namespace ServiceBot.Answers.Refusal;

/// <summary>Checks at start that the refusal model the options name loads, so a bad file stops the service with its reason.</summary>
public sealed class AnswerOptionsValidator : IValidateOptions<AnswerOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswerOptions options)
    {
        try
        {
            RefusalModel.FromOptions(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException error)
        {
            return ValidateOptionsResult.Fail($"{AnswerOptions.SectionName}:{nameof(AnswerOptions.RefusalModelPath)}: {error.Message}");
        }
    }
}
