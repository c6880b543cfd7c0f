using Stagecraft.Images;
using Stagecraft.Reporting;

namespace Stagecraft.Cli.Reporting;

/// <summary>
/// One line on standard error, redrawn in place while an image is read ("reading layers 3/14 · 120 MB of 540 MB"), then
/// erased. Reports come from the reader's worker threads; the line is redrawn at most ten times a second.
/// </summary>
internal sealed class ImageReadProgressLine(TextWriter error) : IProgress<ImageReadProgress>
{
    private const long RedrawMilliseconds = 100;
    private const string ClearLine = "\r\u001b[K";

    private readonly Lock _lock = new();
    private ImageReadProgress _latest;
    private long _lastDraw;
    private bool _shown;

    /// <summary>Draw only where a person watches: standard error is a terminal, not a CI log, and the terminal can move the cursor.</summary>
    public static bool Wanted(CliConsole console) =>
        console.ErrorIsTerminal
        && string.IsNullOrEmpty(console.GetEnvironmentVariable("CI"))
        && console.GetEnvironmentVariable("TERM") != "dumb";

    public void Report(ImageReadProgress value)
    {
        lock (_lock)
        {
            // Workers report snapshots taken at slightly different moments; never let the line go backwards.
            _latest = new ImageReadProgress(
                Math.Max(_latest.LayersDone, value.LayersDone),
                value.LayerCount,
                Math.Max(_latest.StoredBytesRead, value.StoredBytesRead),
                value.StoredBytesTotal);
            var now = Environment.TickCount64;
            var finished = _latest.LayersDone == _latest.LayerCount;
            if (!finished && _shown && now - _lastDraw < RedrawMilliseconds)
                return;
            _lastDraw = now;
            error.Write(ClearLine + Text(_latest));
            error.Flush();
            _shown = true;
        }
    }

    /// <summary>Erases the line, so the report (or an error) starts on a clean line.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (!_shown)
                return;
            error.Write(ClearLine);
            error.Flush();
            _shown = false;
        }
    }

    internal static string Text(ImageReadProgress progress)
    {
        if (progress.LayerCount > 0 && progress.LayersDone == progress.LayerCount)
            return $"read {progress.LayerCount} {(progress.LayerCount == 1 ? "layer" : "layers")} ({ByteSize.Format(progress.StoredBytesRead)}); merging files and reading facts…";
        var bytes = progress.StoredBytesTotal is { } total
            ? $"{ByteSize.Format(progress.StoredBytesRead)} of {ByteSize.Format(total)}"
            : ByteSize.Format(progress.StoredBytesRead);
        return progress.LayerCount > 0 ? $"reading layers {progress.LayersDone}/{progress.LayerCount} · {bytes}" : $"reading layers · {bytes}";
    }
}
