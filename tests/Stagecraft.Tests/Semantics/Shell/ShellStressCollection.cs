namespace Stagecraft.Tests.Semantics.Shell;

/// <summary>Runs the large-input shell reader tests alone, so their hang guards measure the reader rather than contention.</summary>
[CollectionDefinition(nameof(ShellStressCollection), DisableParallelization = true)]
public sealed class ShellStressCollection;
