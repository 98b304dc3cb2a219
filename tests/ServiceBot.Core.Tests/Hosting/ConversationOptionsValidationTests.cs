using System.ComponentModel.DataAnnotations;
using ServiceBot.Conversation;

namespace ServiceBot.Core.Tests.Hosting;

/// <summary>The conversation options are checked at start, and the check holds when several hosts start at once.</summary>
public sealed class ConversationOptionsValidationTests
{
    [Theory]
    [InlineData("00:00:30")]
    [InlineData("400.00:00:00")]
    public void Validate_IdleTimeoutOutOfRange_NamesTheSetting(string idle)
    {
        var options = new ConversationOptions { IdleTimeout = TimeSpan.Parse(idle, System.Globalization.CultureInfo.InvariantCulture) };

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ConversationOptions.IdleTimeout)));
    }

    /// <summary>
    /// A <see cref="RangeAttribute"/> over a type other than int or double converts its bounds on first use without a lock
    /// (dotnet/runtime#1143): two hosts validating at once can fail their start with an InvalidCastException.
    /// </summary>
    [Fact]
    public void OptionsClasses_NoRangeOverAConvertedType()
    {
        var offending = typeof(ConversationOptions).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.GetCustomAttributes(typeof(RangeAttribute), inherit: true).Cast<RangeAttribute>()
                .Any(r => r.OperandType != typeof(int) && r.OperandType != typeof(double)))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.Empty(offending);
    }
}
