namespace Stagecraft.Generation;

/// <summary>
/// One choice of a <see cref="ProjectPlan"/> and where it came from: a file and key (<c>package.json engines.node</c>),
/// a flag (<c>--port</c>) or <c>default</c>, so <c>init --explain</c> can show why the Dockerfile looks as it does.
/// </summary>
public sealed record Decided<T>(T Value, string Evidence)
{
    public const string Default = "default";

    public static Decided<T> ByDefault(T value) => new(value, Default);

    public static Decided<T> ByFlag(T value, string flag) => new(value, flag);
}
