using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>How safe it is to apply a fix without a person looking at it.</summary>
public enum FixSafety
{
    /// <summary>Keeps what the build does; applied by default.</summary>
    Safe,
    /// <summary>May change behaviour (merging RUNs, adding a USER); applied only when asked, and shown first.</summary>
    Unsafe,
    /// <summary>A suggestion to show, never applied automatically.</summary>
    DisplayOnly,
}

/// <summary>
/// A remedy a finding carries: a title and text edits on the file. Applying fixes is one shared mechanism, not per rule
/// (see Stagecraft.Fixing). A remedy that lies outside the Dockerfile (a missing .dockerignore) is a <see cref="FileEdits"/>
/// entry instead; a fix may have either kind or both.
/// </summary>
public sealed record Fix(string Title, FixSafety Safety, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>Files of the build context to create or extend; empty for almost every fix.</summary>
    public IReadOnlyList<FileEdit> FileEdits { get; init; } = [];

    /// <summary>
    /// Places whose meaning this fix changes without editing them (an install whose cache a new mount keeps): a fix of
    /// another rule that edits there in the same round waits for the next one, when the file has been linted again. Not
    /// edits: reports do not show them and nothing is written there.
    /// </summary>
    public IReadOnlyList<TextSpan> Claims { get; init; } = [];
}
