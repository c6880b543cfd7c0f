namespace Stagecraft.Cli;

/// <summary>The process exit codes every command uses; scripts and CI depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing at or above the threshold.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the threshold were reported (for <c>parse</c>: syntax errors).</summary>
    public const int Findings = 1;

    /// <summary>Bad command line, or an input the user named could not be used.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>A bug in Stagecraft (EX_SOFTWARE from sysexits.h), kept apart from 0–2 so scripts never mistake it for a result.</summary>
    public const int InternalError = 70;
}
