using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Storage;

/// <summary>Where conversation state lives (section <c>State</c>).</summary>
public sealed class StateOptions
{
    public const string SectionName = "State";

    /// <summary>A Microsoft.Data.Sqlite connection string; the default is an embedded file under .servicebot/.</summary>
    [Required] public string ConnectionString { get; set; } = "Data Source=.servicebot/state.db";
}
