using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Telemetry;

/// <summary>The <c>Metrics</c> section: who may read <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public const int MinKeyLength = 16;

    /// <summary>
    /// A scraper elsewhere presents it as <c>Authorization: Bearer KEY</c>. Without a key only loopback callers (a
    /// scraper or sidecar on the same host) are served.
    /// </summary>
    public string? Key { get; set; }
}

public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
        => options.Key is { } key && key.Trim().Length < MetricsOptions.MinKeyLength
            ? ValidateOptionsResult.Fail($"Metrics:Key must be at least {MetricsOptions.MinKeyLength} characters (or left out: loopback only).")
            : ValidateOptionsResult.Success;
}
