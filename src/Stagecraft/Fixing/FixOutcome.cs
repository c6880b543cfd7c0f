using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Fixing;

/// <summary>
/// A fix that was applied: its rule, title, where its finding was in the text of its round, and the edits as applied
/// (line endings already those of the file, spans in the text the round started from).
/// </summary>
public sealed record AppliedFix(string RuleId, string Title, FixSafety Safety, SourcePosition Position, int Round,
    IReadOnlyList<TextEdit> Edits, IReadOnlyList<FileEdit> FileEdits);

/// <summary>A fix that was not applied in a round, and why (<c>overlaps STG010's edit at 4:1</c>).</summary>
public sealed record SkippedFix(string RuleId, string Title, SourcePosition Position, int Round, string Reason);

/// <summary>One pass of the applier: the text before and after, the fixes applied and those skipped.</summary>
public sealed record FixRound(int Number, byte[] Before, byte[] After, IReadOnlyList<AppliedFix> Applied, IReadOnlyList<SkippedFix> Skipped);
