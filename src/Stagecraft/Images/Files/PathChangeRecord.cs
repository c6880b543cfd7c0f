namespace Stagecraft.Images.Files;

/// <summary>How one layer changed one path of the merged filesystem: its record before the layer and after it (-1: none, or a directory no entry named).</summary>
internal readonly record struct PathChangeRecord(int Path, PathChangeKind Kind, int RecordBefore, int RecordAfter);
