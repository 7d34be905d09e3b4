using System.Buffers.Binary;
using System.IO.Compression;

namespace RcpHub.Features.Documents;

/// <summary>How much of an uploaded file the server will unpack and read, whatever the file claims: a ZIP bomb (a 400 KB
/// .docx holding 150 MB of XML) or a many-part package must be refused before it costs seconds and gigabytes.</summary>
public static class ReadingLimits
{
    /// <summary>A Word, Excel or PowerPoint file of hundreds of pages holds a few hundred parts.</summary>
    public const int MaxEntries = 1000;

    /// <summary>All the parts of a document unpacked; real documents of the size accepted stay far below.</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>XML compresses about ten to one, rarely past fifty; a bomb compresses a thousand to one.</summary>
    public const long MaxRatio = 100;

    /// <summary>A small part may compress better than <see cref="MaxRatio"/> without costing anything to unpack.</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Reading the text of one file, PDF included.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>True when the ZIP's own directory declares more parts, more unpacked bytes or a higher compression ratio than
    /// a document needs. The entry count is read from the end record before the directory is parsed, so that a million
    /// entries are not first loaded to be counted.</summary>
    public static bool Overloads(byte[] zip)
    {
        if (DeclaredEntries(zip) is not { } count || count > MaxEntries)
        {
            return true;
        }
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > MaxEntries)
        {
            return true;
        }
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > MaxUnpackedBytes
                || (entry.Length > RatioFloorBytes && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The entry count of the end-of-directory record; null for a ZIP64 marker (a document of the size accepted never
    /// needs ZIP64).</summary>
    private static int? DeclaredEntries(byte[] zip)
    {
        const int EndRecordLength = 22;
        var earliest = Math.Max(0, zip.Length - EndRecordLength - ushort.MaxValue);
        for (var i = zip.Length - EndRecordLength; i >= earliest; i--)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 10, 2));
                return count == ushort.MaxValue ? null : count;
            }
        }
        throw new InvalidDataException("No end of central directory record: a damaged ZIP.");
    }

    /// <summary>Thrown when reading a file goes past <see cref="MaxUnpackedBytes"/> or <see cref="TimeLimit"/>.</summary>
    public sealed class ExceededException(string what) : Exception(what);

    /// <summary>One file's reading allowance, shared by every part read from it: the bytes unpacked and the time.</summary>
    public sealed class Allowance(CancellationToken timeOrAbort)
    {
        private long _read;

        public CancellationToken Token => timeOrAbort;

        public Stream Open(ZipArchiveEntry entry) => new CountingStream(entry.Open(), Count);

        public void Count(int bytes)
        {
            if (timeOrAbort.IsCancellationRequested)
            {
                throw new ExceededException("reading took longer than " + TimeLimit);
            }
            _read += bytes;
            if (_read > MaxUnpackedBytes)
            {
                throw new ExceededException("more than " + MaxUnpackedBytes + " bytes unpacked");
            }
        }
    }

    /// <summary>Reports every read to <paramref name="count"/>, which throws to stop the reading: what is actually unpacked
    /// or received is counted, since a ZIP's directory may lie about its sizes and a chunked body announces none.</summary>
    internal sealed class CountingStream(Stream inner, Action<int> count) : Stream
    {
        public override int Read(byte[] buffer, int offset, int length) => Counted(inner.Read(buffer, offset, length));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int length, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, length), cancellationToken).AsTask();

        private int Counted(int n)
        {
            count(n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
