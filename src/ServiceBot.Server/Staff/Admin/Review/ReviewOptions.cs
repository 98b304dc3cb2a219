using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Staff.Admin.Review;

/// <summary>The <c>Admin:Review</c> section: how far back the review queue looks and how alike two wordings must be to group.</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Admin:Review";

    /// <summary>Days of refusals, thumbs-down and handoffs the queue shows.</summary>
    public int Days { get; set; } = 30;

    /// <summary>The character-bigram Jaccard overlap at which two normalised questions count as the same wording.</summary>
    public double Similarity { get; set; } = 0.5;

    /// <summary>Examples shown per group, newest first.</summary>
    public int Examples { get; set; } = 5;
}

public sealed class ReviewOptionsValidator : IValidateOptions<ReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewOptions options)
    {
        var failures = new List<string>();
        if (options.Days is < 1 or > 366) failures.Add("Admin:Review:Days must be between 1 and 366.");
        if (options.Similarity is <= 0 or > 1 || double.IsNaN(options.Similarity)) failures.Add("Admin:Review:Similarity must be above 0 and at most 1.");
        if (options.Examples is < 1 or > 50) failures.Add("Admin:Review:Examples must be between 1 and 50.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
