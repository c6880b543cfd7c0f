namespace Stagecraft.Images.Files;

/// <summary>A note about one entry of one layer (layer index from 0, the bottom layer).</summary>
public sealed record FileIndexNote(int Layer, string Path, FileIndexNoteKind Kind);
