namespace Stagecraft.Images.Files;

/// <summary>
/// dive's image figures, counted the way dive counts them (wagoodman/dive's efficiency and analysis code), so users and
/// <c>.dive-ci</c> rules see the numbers they know. These are not <see cref="FileIndex.ReclaimableBytes"/>.
/// </summary>
/// <remarks>
/// <para>A layer's size is the sum of its entries' tar sizes (regular files; a path shipped twice in one layer counts
/// twice). <see cref="SizeBytes"/> sums all layers, <see cref="UserSizeBytes"/> all but the bottom one.</para>
/// <para>dive visits the leaves of each layer's own tree (files, links, empty directories, whiteout markers; a
/// directory is a leaf when the layer has nothing under it) and keys them by path, a whiteout by the path it deletes.
/// An occurrence weighs the entry's tar size; a whiteout weighs the deleted subtree's summed tar sizes (as stacked from
/// the layers below) when that path was a directory, and 0 when it was not. Opaque-directory markers are ignored:
/// they neither delete anything nor count.</para>
/// <para>A path with two or more occurrences is inefficient, and all its occurrences count — the surviving copy too
/// (dive's known over-count). <see cref="InefficientBytes"/> sums them. <see cref="EfficiencyScore"/> is, over every
/// path ever visited, the sum of each path's smallest occurrence divided by the sum of all occurrences (1 when that
/// is 0), computed in 64-bit integers and divided once in double precision, as dive does, so it is equal to the bit.
/// <see cref="UserWastedPercent"/> is <see cref="InefficientBytes"/> / <see cref="UserSizeBytes"/> — a ratio despite
/// its name (0.1 is 10 %), so dive-ci thresholds apply unchanged; like dive it is NaN or infinity for a one-layer
/// image.</para>
/// <para>dive's quirks are kept: a whiteout whose path is missing from the stack below ends that layer's visit
/// early (in dive's name order) and enters the path with a smallest size of -1; a layer that deletes and ships the
/// same path applies them in dive's name order; the list of inefficient paths is largest first, and ties list the path
/// that became inefficient last first, which is dive's order while it has at most 12 paths (its sort is not stable
/// beyond that, so longer lists may order equal sizes differently).</para>
/// </remarks>
/// <param name="LayerSizes">Each layer's size, bottom layer first.</param>
/// <param name="Inefficiencies">The inefficient paths, largest cumulative size first (dive's export order).</param>
public sealed record DiveFigures(
    long SizeBytes,
    long UserSizeBytes,
    long InefficientBytes,
    double EfficiencyScore,
    double UserWastedPercent,
    IReadOnlyList<long> LayerSizes,
    IReadOnlyList<DiveInefficiency> Inefficiencies);

/// <summary>A path dive counts as inefficient: its occurrences across layers and their summed sizes.</summary>
public sealed record DiveInefficiency(string Path, int Count, long CumulativeSize);
