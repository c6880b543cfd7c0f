namespace Stagecraft.Images.Facts;

/// <summary>A part of the facts that looks at every entry of the merged filesystem once, in the single pass <see cref="ImageFacts.Collect"/> makes.</summary>
internal interface IEntryObserver
{
    void Observe(LayerEntry entry);
}
