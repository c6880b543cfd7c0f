using System.Runtime.ExceptionServices;

namespace Stagecraft.Cli;

/// <summary>
/// Runs independent jobs on every core and hands back their results in job order, so output never depends on
/// scheduling. When jobs fail, the failure of the earliest job is rethrown as if the jobs had run one by one.
/// </summary>
internal static class InOrder
{
    // Below this many jobs, starting worker threads costs more than it saves (one file lints in well under a millisecond).
    private const int ParallelFrom = 8;

    public static T[] Map<T>(int count, Func<int, T> job)
    {
        var results = new T[count];
        var failures = new ExceptionDispatchInfo?[count];
        void Run(int i)
        {
            try
            {
                results[i] = job(i);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        }

        if (count < ParallelFrom || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++)
            {
                Run(i);
                failures[i]?.Throw();
            }
            return results;
        }
        // Plain threads taking the next job from a shared counter: the thread pool would start extra workers and spin
        // (sched_yield) while they look for work, which costs more than the whole lint of a small repository.
        var next = -1;
        void Work()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                Run(i);
        }
        var helpers = new Thread[Math.Min(Environment.ProcessorCount, count) - 1];
        for (var t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Work) { IsBackground = true, Name = "lint worker" };
            helpers[t].Start();
        }
        Work();
        foreach (var helper in helpers)
            helper.Join();
        foreach (var failure in failures)
            failure?.Throw();
        return results;
    }
}
