using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using SkiaSharp;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// Decodes a big non-interlaced PNG at 1/<c>sample</c> of its size without ever holding it whole. Skia's PNG codec can
/// neither scale nor decode line by line, so a 10,000 x 4,000 PNG of 120 KB would take 160 MB of pixels at once. Here
/// the image data is inflated and unfiltered a row at a time, handed back to Skia in strips of rows (each a small PNG
/// carrying the original's colour chunks, so palettes, transparency and colour profiles stay Skia's to read) and
/// averaged down box by box. Memory is one strip, whatever the picture's size.
/// </summary>
internal static class PngStrips
{
    /// <summary>About how many source pixels one strip holds (4 MB decoded).</summary>
    private const int StripPixels = 1_000_000;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // The chunks that change how pixels read; the rest (text, time, EXIF, animation frames) stays behind.
    private static readonly HashSet<string> PixelChunks = new(StringComparer.Ordinal) { "PLTE", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "cICP" };

    /// <summary>True for a PNG saved with Adam7 interlacing, whose rows arrive in seven passes and so can only be decoded whole.</summary>
    public static bool IsInterlaced(ReadOnlySpan<byte> png) =>
        png.Length > 28 && png[..8].SequenceEqual(Signature) && png.Slice(12, 4).SequenceEqual("IHDR"u8) && png[28] != 0;

    /// <summary>
    /// Fills <paramref name="target"/> (its width and height are the PNG's divided by <paramref name="sample"/>, rounded down)
    /// with the average of each <paramref name="sample"/> x <paramref name="sample"/> box; false if the data is damaged.
    /// </summary>
    public static bool TryDecode(byte[] png, int sample, SKBitmap target)
    {
        if (!TryReadChunks(png, out var header, out var pixelChunks, out var imageData))
        {
            return false;
        }
        var width = (int)BinaryPrimitives.ReadUInt32BigEndian(header);
        var depth = header[8];
        var channels = header[9] switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || header[12] != 0 || width / sample != target.Width)
        {
            return false;
        }
        var bitsPerPixel = channels * depth;
        var rowBytes = (int)(((long)width * bitsPerPixel + 7) / 8);
        var filterStep = Math.Max(1, bitsPerPixel / 8);
        var stripRows = sample * Math.Max(1, StripPixels / ((long)width * sample));
        var rowsNeeded = target.Height * sample;

        // Each row buffer holds the filter byte first, then the row, as PNG stores it.
        var current = new byte[rowBytes + 1];
        var previous = new byte[rowBytes + 1];
        var sums = new uint[target.Width * 4];
        // Sized once for a whole strip (stored deflate adds 5 bytes per block of up to 64 KB), so neither grows by doubling.
        var rawStrip = stripRows * (rowBytes + 1);
        var strip = new MemoryStream((int)(rawStrip + rawStrip / 1024 + 1024));
        var stripPng = new MemoryStream(strip.Capacity + pixelChunks.Sum(c => c.Data.Length + 12) + 64);
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(imageData, writable: false), CompressionMode.Decompress);
            for (var top = 0; top < rowsNeeded; top += (int)stripRows)
            {
                var rows = (int)Math.Min(stripRows, rowsNeeded - top);
                strip.SetLength(0);
                using (var deflater = new ZLibStream(strip, CompressionLevel.NoCompression, leaveOpen: true))
                {
                    for (var r = 0; r < rows; r++)
                    {
                        inflater.ReadExactly(current);
                        if (!Unfilter(current, previous, filterStep))
                        {
                            return false;
                        }
                        current[0] = 0;
                        deflater.Write(current);
                        (previous, current) = (current, previous);
                    }
                }
                WriteStrip(stripPng, header, rows, pixelChunks, strip);
                if (!DecodeStrip(stripPng, width, rows, target, top, sample, sums))
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return false;
        }
    }

    private static bool TryReadChunks(byte[] png, out byte[] header, out List<(string Type, ReadOnlyMemory<byte> Data)> pixelChunks, out byte[] imageData)
    {
        header = [];
        pixelChunks = [];
        imageData = [];
        if (!png.AsSpan().StartsWith(Signature))
        {
            return false;
        }
        using var data = new MemoryStream();
        for (var at = Signature.Length; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > png.Length - at - 12)
            {
                return false;
            }
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var content = png.AsMemory(at + 8, (int)length);
            if (type == "IHDR")
            {
                header = content.ToArray();
            }
            else if (type == "IDAT")
            {
                data.Write(content.Span);
            }
            else if (type == "IEND")
            {
                break;
            }
            else if (data.Length == 0 && PixelChunks.Contains(type))
            {
                pixelChunks.Add((type, content));
            }
            at += 12 + (int)length;
        }
        imageData = data.ToArray();
        return header.Length == 13 && imageData.Length > 0;
    }

    // PNG's five row filters, undone in place; row[0] is the filter type.
    private static bool Unfilter(byte[] row, byte[] above, int step)
    {
        var n = row.Length;
        switch (row[0])
        {
            case 0:
                return true;
            case 1:
                for (var i = 1 + step; i < n; i++)
                {
                    row[i] += row[i - step];
                }
                return true;
            case 2:
                for (var i = 1; i < n; i++)
                {
                    row[i] += above[i];
                }
                return true;
            case 3:
                for (var i = 1; i < n; i++)
                {
                    var left = i > step ? row[i - step] : 0;
                    row[i] += (byte)((left + above[i]) >> 1);
                }
                return true;
            case 4:
                for (var i = 1; i < n; i++)
                {
                    int a = i > step ? row[i - step] : 0, b = above[i], c = i > step ? above[i - step] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    row[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
                return true;
            default:
                return false;
        }
    }

    private static void WriteStrip(MemoryStream output, byte[] header, int rows, List<(string Type, ReadOnlyMemory<byte> Data)> pixelChunks, MemoryStream imageData)
    {
        output.SetLength(0);
        output.Write(Signature);
        var stripHeader = (byte[])header.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(stripHeader.AsSpan(4), (uint)rows);
        WriteChunk(output, "IHDR", stripHeader);
        foreach (var (type, data) in pixelChunks)
        {
            WriteChunk(output, type, data.Span);
        }
        WriteChunk(output, "IDAT", imageData.GetBuffer().AsSpan(0, (int)imageData.Length));
        WriteChunk(output, "IEND", []);
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        Span<byte> name = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, name);
        output.Write(name);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(name);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }

    // Decodes one strip with Skia and adds it to the running box sums; a finished row of boxes goes into the target.
    private static bool DecodeStrip(MemoryStream stripPng, int width, int rows, SKBitmap target, int top, int sample, uint[] sums)
    {
        using var data = SKData.CreateCopy(stripPng.GetBuffer().AsSpan(0, (int)stripPng.Length));
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return false;
        }
        var info = new SKImageInfo(width, rows, target.ColorType, target.AlphaType, target.ColorSpace);
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(info) || codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return false;
        }
        var source = decoded.GetPixelSpan();
        var output = target.GetPixelSpan();
        var boxes = target.Width;
        var area = (uint)(sample * sample);
        for (var r = 0; r < rows; r++)
        {
            var line = source.Slice(r * decoded.RowBytes, boxes * sample * 4);
            for (var box = 0; box < boxes; box++)
            {
                var pixels = line.Slice(box * sample * 4, sample * 4);
                uint red = 0, green = 0, blue = 0, alpha = 0;
                for (var k = 0; k < pixels.Length; k += 4)
                {
                    red += pixels[k];
                    green += pixels[k + 1];
                    blue += pixels[k + 2];
                    alpha += pixels[k + 3];
                }
                sums[box * 4] += red;
                sums[box * 4 + 1] += green;
                sums[box * 4 + 2] += blue;
                sums[box * 4 + 3] += alpha;
            }
            if ((top + r) % sample == sample - 1)
            {
                var targetRow = output.Slice((top + r) / sample * target.RowBytes, boxes * 4);
                for (var i = 0; i < targetRow.Length; i++)
                {
                    targetRow[i] = (byte)((sums[i] + area / 2) / area);
                }
                Array.Clear(sums);
            }
        }
        return true;
    }
}
