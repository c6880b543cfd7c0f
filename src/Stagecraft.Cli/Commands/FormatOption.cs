using System.CommandLine;

namespace Stagecraft.Cli.Commands;

/// <summary>A single-valued <c>--format</c>/<c>-f</c> option that accepts one of a fixed list and says which ones when it gets another.</summary>
internal static class FormatOption
{
    public static Option<string> Create(string description, params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => formats[0],
            HelpName = string.Join('|', formats),
        };
        option.CompletionSources.Add(formats);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!formats.Contains(value))
                result.AddError($"--format: unknown value '{value}'; expected {Expected(formats)}");
        });
        return option;
    }

    private static string Expected(string[] formats) =>
        formats.Length == 1 ? formats[0] : string.Join(", ", formats[..^1]) + " or " + formats[^1];
}
