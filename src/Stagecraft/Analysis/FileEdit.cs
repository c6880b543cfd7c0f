namespace Stagecraft.Analysis;

/// <summary>What a <see cref="FileEdit"/> does to its file.</summary>
public enum FileEditKind
{
    /// <summary>Create the file with the text; refused when the file exists by the time the fix is applied.</summary>
    Create,
    /// <summary>Add the text (whole lines) at the end of the file, after a line break when the file does not end in one.</summary>
    Append,
}

/// <summary>
/// A change to a file other than the Dockerfile, such as the build context's .dockerignore. <paramref name="Path"/> is
/// absolute (rules know the context folder as a full path); <paramref name="Text"/> uses <c>\n</c>, which the applier
/// turns into the file's own line ending when it appends.
/// </summary>
public sealed record FileEdit(string Path, FileEditKind Kind, string Text);
