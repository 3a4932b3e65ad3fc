using Debitor.Cli.Output;

namespace Debitor.Cli.Tests;

/// <summary>How the tool writes a document's file (D16.236).</summary>
public sealed class NewFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("debitor-newfile-").FullName;

    [Fact]
    public void Write_NoFileYet_CreatesItWithExactlyTheBytes()
    {
        var path = Path.Combine(_folder, "letter.pdf");
        byte[] content = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37];

        NewFile.Write(path, content);

        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_LongerFileThere_ReplacesItAsAWhole()
    {
        var path = Path.Combine(_folder, "letter.pdf");
        File.WriteAllBytes(path, Enumerable.Repeat((byte)0x41, 4096).ToArray());
        byte[] content = [0x42, 0x43, 0x44];

        NewFile.Write(path, content);

        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_FolderMissing_ThrowsAndCreatesNothing()
    {
        var path = Path.Combine(_folder, "missing", "letter.pdf");

        Assert.ThrowsAny<IOException>(() => NewFile.Write(path, [0x01]));
        Assert.False(Directory.Exists(Path.Combine(_folder, "missing")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
