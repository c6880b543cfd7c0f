namespace Stagecraft.Syntax;

/// <summary>
/// The value of BuildKit's <c># check=</c> parser directive (and of a <c># check=</c> comment above one instruction):
/// <c>skip=Name,Name|all</c>, <c>experimental=Name|all</c> and <c>error=true|false</c>, separated by <c>;</c>.
/// Names are BuildKit check names such as <c>JSONArgsRecommended</c>.
/// </summary>
public sealed record CheckOptions
{
    /// <summary>No directive: every check on, none experimental, findings at their own severity.</summary>
    public static CheckOptions None { get; } = new();

    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary><c>skip=all</c>: every check except experimental ones that are asked for by name.</summary>
    public bool SkipAll { get; init; }

    /// <summary>Experimental (off by default) checks to run.</summary>
    public IReadOnlyList<string> Experimental { get; init; } = [];

    public bool ExperimentalAll { get; init; }

    /// <summary><c>error=true</c>: a check that fires fails the build.</summary>
    public bool Error { get; init; }

    /// <summary>
    /// Reads a directive value the way BuildKit does: at most three <c>key=value</c> parts; an unknown key, a part
    /// without <c>=</c> or an <c>error</c> value that is not a boolean is an error (BuildKit then refuses to build).
    /// </summary>
    public static bool TryParse(string text, out CheckOptions options, out string? error)
    {
        options = None;
        error = null;
        text = text.Trim();
        if (text.Length == 0)
            return true;
        var result = new CheckOptions();
        foreach (var part in text.Split(';', 3))
        {
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                error = $"invalid check option \"{part}\": expected key=value";
                return false;
            }
            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            switch (key)
            {
                case "skip":
                    result = value == "all" ? result with { SkipAll = true } : result with { Skip = Names(value) };
                    break;
                case "experimental":
                    result = value == "all" ? result with { ExperimentalAll = true } : result with { Experimental = Names(value) };
                    break;
                case "error":
                    if (!TryParseBool(value, out var flag))
                    {
                        error = $"invalid check option \"{part}\": error takes true or false";
                        return false;
                    }
                    result = result with { Error = flag };
                    break;
                default:
                    error = $"invalid check option \"{key}\": expected skip, error or experimental";
                    return false;
            }
        }
        options = result;
        return true;
    }

    /// <summary>
    /// Adds the skips and experimental checks of a <c># check=</c> comment above one instruction; as in BuildKit, such a
    /// comment cannot turn <see cref="Error"/> on or off.
    /// </summary>
    public CheckOptions Merge(CheckOptions local) => this with
    {
        Skip = [.. Skip, .. local.Skip],
        SkipAll = SkipAll || local.SkipAll,
        Experimental = [.. Experimental, .. local.Experimental],
        ExperimentalAll = ExperimentalAll || local.ExperimentalAll,
    };

    private static string[] Names(string value) => value.Split(',', StringSplitOptions.TrimEntries);

    /// <summary>Go's strconv.ParseBool spellings.</summary>
    private static bool TryParseBool(string value, out bool flag)
    {
        switch (value)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                flag = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }
}
