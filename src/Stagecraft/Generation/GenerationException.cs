namespace Stagecraft.Generation;

/// <summary>No supported stack was found in the folder; the message says what was looked for.</summary>
public sealed class NoStackDetectedException(string message) : StagecraftException(message);

/// <summary>The folder holds lockfiles of more than one package manager, or files of more than one stack.</summary>
public sealed class AmbiguousProjectException(string message) : StagecraftException(message);
