namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// How often and how long to wait before trying a request again: exponential backoff with jitter, or the server's
/// Retry-After when it gives one (up to <see cref="MaxRetryAfter"/>). Attempts are bounded.
/// </summary>
internal sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>Tries in all, the first one included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failure; each later wait doubles, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest Retry-After honoured; a server asking for more is reported instead of waited for.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Waits (tests record the waits instead); must throw <see cref="OperationCanceledException"/> when cancelled.</summary>
    public Action<TimeSpan, CancellationToken> Sleep { get; init; } = SleepFor;

    /// <summary>The wait before try <paramref name="failures"/> + 1: half the doubled delay fixed, half random, so clients that failed together spread out.</summary>
    public TimeSpan Backoff(int failures)
    {
        var exponent = Math.Min(failures - 1, 20);
        var full = Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full / 2 + Random.Shared.NextDouble() * full / 2);
    }

    private static void SleepFor(TimeSpan delay, CancellationToken cancellation)
    {
        if (cancellation.WaitHandle.WaitOne(delay))
            cancellation.ThrowIfCancellationRequested();
    }
}
