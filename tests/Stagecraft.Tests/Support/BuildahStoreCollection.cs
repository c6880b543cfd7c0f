namespace Stagecraft.Tests.Support;

/// <summary>
/// The test classes that build with buildah share its storage, and each one's clean-up removes the cached layers no
/// image uses any more (<c>buildah rmi --prune</c>). Run side by side, one class's clean-up deleted the layers another
/// was about to rebuild from, and that rebuild's cache check failed. The classes of this collection run one at a time
/// (other tests still run beside them).
/// </summary>
[CollectionDefinition(nameof(BuildahStoreCollection))]
public sealed class BuildahStoreCollection;
