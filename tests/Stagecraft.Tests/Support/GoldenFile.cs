using System.Text;

namespace Stagecraft.Tests.Support;

/// <summary>
/// Expected output kept as a file in the repository. A test compares against it; with
/// <c>STAGECRAFT_UPDATE_GOLDEN=1</c> it rewrites the file instead (review the diff, then commit).
/// <see cref="GoldenFileGuardTests"/> fails when that variable is left set in CI.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "STAGECRAFT_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="relativePath">The golden file's path from the repository root, with '/'.</param>
    public static void AssertMatches(string relativePath, string actual)
    {
        var path = Path.Combine(SharedData.RepositoryRoot, relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }
        if (!File.Exists(path))
            Assert.Fail($"golden file {relativePath} is missing: run the tests with {UpdateVariable}=1 to write it, review it, and commit it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
            return;
        Assert.Fail($"output differs from {relativePath} ({FirstDifference(expected, actual)}); if the change is intended, run the tests with {UpdateVariable}=1 and review the diff");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
                return $"line {i + 1}: expected «{left}», got «{right}»";
        }
        return "same lines, different line endings";
    }
}

public class GoldenFileGuardTests
{
    [Fact]
    public void Golden_files_are_never_rewritten_in_CI()
    {
        var ci = Environment.GetEnvironmentVariable("CI");
        var inCi = string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1";
        Assert.False(inCi && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GoldenFile.UpdateVariable)),
            $"{GoldenFile.UpdateVariable} is set in CI: golden tests would rewrite their expectations and pass whatever the output is");
    }
}
