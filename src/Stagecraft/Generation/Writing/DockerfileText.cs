using System.Text;

namespace Stagecraft.Generation.Writing;

/// <summary>Builds Dockerfile text: stages with a describing comment, instructions, exec-form JSON, long RUNs over several lines.</summary>
internal sealed class DockerfileText
{
    private readonly StringBuilder _text = new();

    public DockerfileText Line(string line = "")
    {
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>A blank line, a comment that starts with the stage's name and a space (BuildKit takes it as the stage's description), and the FROM.</summary>
    public DockerfileText Stage(string name, string from, string description)
    {
        Line();
        Line($"# {name} {description}");
        return Line($"FROM {from} AS {name}");
    }

    /// <summary>A RUN whose mounts and commands each get their own line, joined with backslashes.</summary>
    public DockerfileText Run(IReadOnlyList<string> mounts, params string[] commands)
    {
        var parts = new List<string>();
        parts.AddRange(mounts);
        for (var i = 0; i < commands.Length; i++)
            parts.Add(i == 0 ? commands[i] : "&& " + commands[i]);
        if (parts.Count == 1)
            return Line("RUN " + parts[0]);
        var builder = new StringBuilder("RUN ").Append(parts[0]);
        for (var i = 1; i < parts.Count; i++)
            builder.Append(" \\\n    ").Append(parts[i]);
        return Line(builder.ToString());
    }

    public DockerfileText Run(params string[] commands) => Run([], commands);

    /// <summary>A cache mount for a package manager's download folder.</summary>
    public static string Cache(string target, bool locked = false) =>
        $"--mount=type=cache,target={target}" + (locked ? ",sharing=locked" : "");

    /// <summary>Words as an exec-form JSON array.</summary>
    public static string Exec(IEnumerable<string> words) => "[" + string.Join(", ", words.Select(Quote)) + "]";

    public override string ToString() => _text.ToString();

    private static string Quote(string word)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in word)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }
}
