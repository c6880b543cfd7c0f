namespace Stagecraft.Images.Files;

/// <summary>How one layer changed one path of the merged filesystem: its record (or -1) before the layer and after it.</summary>
internal readonly record struct PathChangeRecord(int Path, PathChangeKind Kind, bool PresentBefore, int RecordBefore, int RecordAfter);
