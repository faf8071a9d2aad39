using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace CoproWeek.Tests.Posts;

/// <summary>Pictures made in code for the image tests: camera-like JPEGs with EXIF and GPS, hand-built PNG headers, and so on.</summary>
internal static class TestPictures
{
    /// <summary>A picture whose left half is red and right half blue, so turning it shows.</summary>
    public static SKBitmap RedLeftBlueRight(int width, int height, bool transparentCorner = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparentCorner ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        if (transparentCorner)
        {
            using var clear = new SKPaint { Color = SKColors.Transparent, BlendMode = SKBlendMode.Src };
            canvas.DrawRect(0, 0, 10, 10, clear);
        }
        return bitmap;
    }

    /// <summary>Random pixels, which compress badly: a PNG of them has plenty of data to cut short.</summary>
    public static SKBitmap Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>Inserts an EXIF APP1 segment (orientation plus a GPS position) straight after the JPEG's SOI marker, as a phone would.</summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = ExifTiff(orientation);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    // Big-endian TIFF: IFD0 (orientation, pointer to the GPS IFD), then the GPS IFD (53°28'12.34"N 2°14'56.78"W).
    private static byte[] ExifTiff(ushort orientation)
    {
        var tiff = new byte[140];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);

        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 2);
        Entry(span[10..], 0x0112, 3, 1, (uint)orientation << 16);
        Entry(span[22..], 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt32BigEndian(span[34..], 0);

        BinaryPrimitives.WriteUInt16BigEndian(span[38..], 4);
        Entry(span[40..], 0x0001, 2, 2, (uint)'N' << 24);
        Entry(span[52..], 0x0002, 5, 3, 92);
        Entry(span[64..], 0x0003, 2, 2, (uint)'W' << 24);
        Entry(span[76..], 0x0004, 5, 3, 116);
        BinaryPrimitives.WriteUInt32BigEndian(span[88..], 0);

        uint[] rationals = [53, 1, 28, 1, 1234, 100, 2, 1, 14, 1, 5678, 100];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(92 + i * 4)..], rationals[i]);
        }
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    /// <summary>The APPn/COM segments of a JPEG before its image data, as (marker, payload) pairs.</summary>
    public static List<(byte Marker, byte[] Payload)> JpegHeaderSegments(byte[] jpeg)
    {
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            segments.Add((jpeg[at + 1], jpeg[(at + 4)..(at + 2 + length)]));
            at += 2 + length;
        }
        return segments;
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> x <paramref name="height"/> pixels, with valid CRCs and a token of image data.</summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        byte[] idat = [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]; // a zlib stream holding one zero byte
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", header), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    /// <summary>
    /// A real PNG of one colour, <paramref name="width"/> x <paramref name="height"/> RGB pixels, that compresses to almost
    /// nothing: 10,000 x 4,000 is about 120 KB on disk and 160 MB decoded. Interlaced (Adam7) on request.
    /// </summary>
    public static byte[] SolidPng(int width, int height, SKColor colour, bool interlaced = false)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        header[12] = (byte)(interlaced ? 1 : 0);
        var data = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(data, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            void Rows(int passWidth, int passHeight)
            {
                if (passWidth == 0 || passHeight == 0)
                {
                    return;
                }
                var row = new byte[1 + passWidth * 3]; // filter byte 0, then the pixels
                for (var i = 1; i < row.Length; i += 3)
                {
                    (row[i], row[i + 1], row[i + 2]) = (colour.Red, colour.Green, colour.Blue);
                }
                for (var y = 0; y < passHeight; y++)
                {
                    zlib.Write(row);
                }
            }
            if (!interlaced)
            {
                Rows(width, height);
            }
            else
            {
                int[] x0 = [0, 4, 0, 2, 0, 1, 0], y0 = [0, 0, 4, 0, 2, 0, 1], dx = [8, 8, 4, 4, 2, 2, 1], dy = [8, 8, 8, 4, 4, 2, 2];
                for (var pass = 0; pass < 7; pass++)
                {
                    Rows((width - x0[pass] + dx[pass] - 1) / dx[pass], (height - y0[pass] + dy[pass] - 1) / dy[pass]);
                }
            }
        }
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", header), .. Chunk("IDAT", data.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A small baseline JPEG whose frame header is rewritten to claim a progressive <paramref name="width"/> x <paramref name="height"/> picture.</summary>
    public static byte[] ProgressiveJpegClaiming(ushort width, ushort height)
    {
        using var bitmap = RedLeftBlueRight(64, 48);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var at = 2;
        while (jpeg[at + 1] != 0xC0)
        {
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }
        jpeg[at + 1] = 0xC2;
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(at + 5), height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(at + 7), width);
        return jpeg;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    // The PNG CRC (ISO 3309), bit by bit: the inputs here are tiny.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>The smallest GIF: a real picture, but not one of the formats we take.</summary>
    public static readonly byte[] TinyGif =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];
}
