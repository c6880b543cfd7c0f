namespace Stagecraft.Images.Files;

/// <summary>One layer entry as the index keeps it: the entry, the path it names, its layer, and the path's previous record.</summary>
internal readonly record struct IndexRecord(LayerEntry Entry, int Path, int Layer, int PreviousForPath);
