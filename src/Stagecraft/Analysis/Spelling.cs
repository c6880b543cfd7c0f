namespace Stagecraft.Analysis;

/// <summary>Finds what a user most likely meant when a key, rule id or name is misspelt.</summary>
internal static class Spelling
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/>, or null when none is close. Case, '-' and '_' are ignored
    /// first (so <c>trustedRegistries</c> finds <c>trusted-registries</c>); then up to one edit per three characters.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var wanted = Normalize(typed);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(wanted, Normalize(candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        var allowed = Math.Max(1, wanted.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static string Normalize(string text) => text.Replace("-", "").Replace("_", "").ToLowerInvariant();

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
