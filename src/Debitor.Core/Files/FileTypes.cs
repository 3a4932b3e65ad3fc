namespace Debitor.Core.Files;

/// <summary>A file attached to a customer (R0.5), as stored.</summary>
/// <param name="Title">The title the user gave it.</param>
/// <param name="FileName">The original file name.</param>
/// <param name="ContentType">The media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Sha256">The SHA-256 of its content, lower-case hex.</param>
/// <param name="StorageKey">The key under which the file storage keeps it.</param>
public sealed record StoredFile(string Title, string FileName, string ContentType, long Length, string Sha256, string StorageKey);

/// <summary>What a virus scan found.</summary>
public enum ScanVerdict
{
    /// <summary>No threat found.</summary>
    Clean,

    /// <summary>A threat was found.</summary>
    Infected,

    /// <summary>The scanner could not give an answer.</summary>
    Failed,
}

/// <summary>The answer of a virus scanner.</summary>
/// <param name="Verdict">Clean, infected or failed.</param>
/// <param name="Detail">The threat's name, or why the scan failed.</param>
public sealed record ScanResult(ScanVerdict Verdict, string? Detail = null)
{
    /// <summary>No threat found.</summary>
    public static ScanResult Clean { get; } = new(ScanVerdict.Clean);
}

/// <summary>The outcome of attaching a file: stored, or refused with the reason. Refusals store nothing (fail closed).</summary>
/// <param name="File">The stored file; <see langword="null"/> when refused.</param>
/// <param name="Scan">What the virus scanner said.</param>
public sealed record FileAttachResult(StoredFile? File, ScanResult Scan)
{
    /// <summary>Whether the file was stored.</summary>
    public bool IsStored => File is not null;
}
