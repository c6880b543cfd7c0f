using System.Text;
using Stagecraft.Analysis.Context;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Context;

public class DockerIgnoreFileTests
{
    [Fact]
    public void Entries_keep_their_one_based_line_numbers_and_the_text_as_written()
    {
        var file = DockerIgnoreFile.Parse("# build output\n\n/dist/\n  *.md  \n!/docs/README.md\n");

        Assert.Equal(
            [new DockerIgnoreEntry(3, "dist", "/dist/"), new DockerIgnoreEntry(4, "*.md", "*.md"), new DockerIgnoreEntry(5, "!docs/README.md", "!/docs/README.md")],
            file.Entries);
        Assert.Equal(["dist", "*.md", "!docs/README.md"], file.Patterns);
    }

    [Fact]
    public void Only_a_hash_in_the_first_column_starts_a_comment()
    {
        var file = DockerIgnoreFile.Parse("#comment\n  # not a comment\n\t#also a pattern\n");

        Assert.Equal(["# not a comment", "#also a pattern"], file.Patterns);
        Assert.Equal([2, 3], file.Entries.Select(e => e.Line));
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_from_the_first_line_only()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        var content = bom.Concat("#comment\n"u8.ToArray()).Concat(bom).Concat("x\n"u8.ToArray()).ToArray();

        var file = DockerIgnoreFile.Parse(content);

        // The first line is still a comment once its mark is gone; a mark further down is part of the pattern.
        Assert.Equal(["\uFEFFx"], file.Patterns);
        Assert.Equal(2, file.Entries[0].Line);
    }

    [Fact]
    public void Crlf_endings_and_a_missing_final_newline_are_read_like_lf()
    {
        var file = DockerIgnoreFile.Parse("a\r\nb\r\n\r\nc");

        Assert.Equal(["a", "b", "c"], file.Patterns);
        Assert.Equal([1, 2, 4], file.Entries.Select(e => e.Line));
    }

    [Theory]
    [InlineData("./a/b/", "a/b")]
    [InlineData("/a//b/../c", "a/c")]
    [InlineData("../x", "../x")]
    [InlineData("/", "/")]
    [InlineData("! /inverted/abs/path", "!inverted/abs/path")]
    [InlineData("!", "!")]
    [InlineData("!  ", "!")]
    [InlineData("\u00A0node_modules\u3000", "node_modules")]
    public void Patterns_are_trimmed_cleaned_and_made_relative(string line, string expected) =>
        Assert.Equal([expected], DockerIgnoreFile.Parse(line).Patterns);

    [Fact]
    public void A_line_of_64_KiB_or_more_fails_the_whole_file_and_names_the_line()
    {
        var ok = "a\n" + new string('x', 65_535) + "\n";
        Assert.Equal(2, DockerIgnoreFile.Parse(ok).Patterns.Count);

        var tooLong = "a\n" + new string('x', 65_536) + "\n";
        var error = Assert.Throws<DockerIgnoreException>(() => DockerIgnoreFile.Parse(tooLong, "ctx/.dockerignore"));
        Assert.Equal(DockerIgnoreErrorKind.LineTooLong, error.Kind);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("ctx/.dockerignore:2: ", error.Message);
    }

    [Fact]
    public void Load_reports_a_missing_file_as_a_user_error()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.FullPath, ".dockerignore");

        var error = Assert.Throws<DockerIgnoreException>(() => DockerIgnoreFile.Load(path));

        Assert.Equal(DockerIgnoreErrorKind.Unreadable, error.Kind);
        Assert.Equal(path + ": no such file", error.Message);
    }

    [Fact]
    public void Matcher_errors_name_the_file_and_the_line()
    {
        using var directory = new TempDirectory();
        var path = directory.Write(".dockerignore", "node_modules\n# tests\n  docs/[a-  \n");

        var error = Assert.Throws<DockerIgnoreException>(() => DockerIgnoreFile.Load(path).CreateMatcher());

        Assert.Equal(DockerIgnoreErrorKind.BadPattern, error.Kind);
        Assert.Equal((path, 3, "docs/[a-"), (error.FilePath, error.Line, error.Pattern));
        Assert.StartsWith($"{path}:3: invalid pattern `docs/[a-`: ", error.Message);
    }

    [Fact]
    public void A_lone_exclamation_mark_is_rejected_with_its_line()
    {
        var file = DockerIgnoreFile.Parse("a\n!\n", ".dockerignore");

        var error = Assert.Throws<DockerIgnoreException>(file.CreateMatcher);

        Assert.Equal(DockerIgnoreErrorKind.IllegalExclusion, error.Kind);
        Assert.StartsWith(".dockerignore:2: invalid pattern `!`", error.Message);
    }

    [Fact]
    public void The_context_root_file_is_found_when_there_is_no_dockerfile_specific_one()
    {
        using var context = new TempDirectory();
        var root = context.Write(".dockerignore", "a");
        var dockerfile = context.Write("Dockerfile", "FROM scratch");

        Assert.Equal(root, DockerIgnoreFile.Find(context.FullPath, dockerfile));
        Assert.Equal(root, DockerIgnoreFile.Find(context.FullPath));
    }

    [Fact]
    public void A_dockerfile_specific_ignore_file_wins_over_the_root_one()
    {
        using var context = new TempDirectory();
        context.Write(".dockerignore", "root-only");
        Directory.CreateDirectory(Path.Combine(context.FullPath, "build"));
        var dockerfile = context.Write("build/Dockerfile.prod", "FROM scratch");
        var specific = context.Write("build/Dockerfile.prod.dockerignore", "prod-only");

        Assert.Equal(specific, DockerIgnoreFile.Find(context.FullPath, dockerfile));
        Assert.Equal(["prod-only"], DockerIgnoreFile.LoadFor(context.FullPath, dockerfile)!.Patterns);
    }

    [Fact]
    public void An_empty_dockerfile_specific_file_still_replaces_the_root_one()
    {
        using var context = new TempDirectory();
        context.Write(".dockerignore", "root-only");
        var dockerfile = context.Write("Dockerfile", "FROM scratch");
        context.Write("Dockerfile.dockerignore", "");

        var file = DockerIgnoreFile.LoadFor(context.FullPath, dockerfile);

        Assert.NotNull(file);
        Assert.Empty(file.Patterns);
    }

    [Fact]
    public void No_ignore_file_gives_null_and_stdin_dockerfiles_use_the_root_file()
    {
        using var context = new TempDirectory();
        Assert.Null(DockerIgnoreFile.Find(context.FullPath, Path.Combine(context.FullPath, "Dockerfile")));
        Assert.Null(DockerIgnoreFile.LoadFor(context.FullPath));

        var root = context.Write(".dockerignore", "a");
        Assert.Equal(root, DockerIgnoreFile.Find(context.FullPath, "-"));
    }

    [Fact]
    public void Non_utf8_bytes_do_not_stop_the_reader()
    {
        var file = DockerIgnoreFile.Parse(Encoding.Latin1.GetBytes("caf\u00E9\n"));

        Assert.Equal(["caf\uFFFD"], file.Patterns);
    }
}
