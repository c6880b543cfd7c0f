using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Fixing;

/// <summary>
/// The linter a fix run lints each round with: every rule except ShellCheck (STG300), whose findings carry no fixes and
/// which starts a process per lint; a run lints a file once per round.
/// </summary>
public static class FixLinting
{
    public static Linter Linter { get; } = new([.. RuleCatalog.All.Where(r => r.Descriptor != ShellCheckFinding.Id)]);
}
