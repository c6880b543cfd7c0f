using Stagecraft.Analysis.ShellCheck;

namespace Stagecraft.Tests.Support;

/// <summary>The real <c>shellcheck</c> for integration tests; a test that needs it skips visibly when it is not on PATH.</summary>
internal static class ShellCheckBinary
{
    public static bool IsAvailable => ShellCheckRunner.OnPath is not null;

    public static void Require()
    {
        if (!IsAvailable)
            Assert.Skip("shellcheck is not on PATH (CI installs it with apt-get install shellcheck); the ShellCheck rule finds nothing without it.");
    }
}
