namespace Stagecraft.Syntax;

/// <summary>A <c>&lt;&lt;NAME</c> word on an instruction line: what the heredoc is called and how its body is treated.</summary>
public sealed record HeredocMarker(string Name, bool Expand, bool Chomp, int FileDescriptor);
