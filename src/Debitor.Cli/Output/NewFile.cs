using Microsoft.Win32.SafeHandles;

namespace Debitor.Cli.Output;

/// <summary>
/// Writes a document's file the way a fresh output folder wants it (D16.236): a file that does not exist yet is created
/// and written, without the truncation that replacing a file needs; a file that exists already (a letter written again by
/// a retry) is replaced as a whole.
/// </summary>
/// <remarks>
/// <see cref="File.WriteAllBytes(string, ReadOnlySpan{byte})"/> opens with <see cref="FileMode.Create"/>, and .NET on Linux
/// carries that out as an explicit truncation to zero bytes after taking the file's lock. ext4 takes a truncation to zero
/// as the "replace via truncate" pattern (its <c>auto_da_alloc</c>) and starts writing the file's pages back when it is
/// closed, on the closing thread: a fifteenth of the CPU of writing 100,000 letters. A new file needs no truncation, so
/// it is created with <see cref="FileMode.CreateNew"/>, and the kernel writes it back in its own time, as any other.
/// Neither way makes the file durable on return (neither syncs); that is unchanged.
/// </remarks>
internal static class NewFile
{
    /// <summary>Writes <paramref name="content"/> as the whole of the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or folder may not be written.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.WriteAllBytes(path, content);
            return;
        }

        using (handle)
        {
            RandomAccess.Write(handle, content, 0);
        }
    }
}
