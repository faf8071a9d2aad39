using CoproWeek.Hub.Posts;
using SkiaSharp;

namespace CoproWeek.Tests.Posts;

/// <summary>Pictures that are small files but huge once decoded: read at reduced scale, or refused from their header.</summary>
public sealed class PictureBombTests
{
    [Fact]
    public void A_PNG_of_10000_by_4000_pixels_in_120_KB_is_decoded_at_reduced_scale_to_1600_pixels_with_its_colour()
    {
        var png = TestPictures.SolidPng(10_000, 4_000, new SKColor(200, 60, 30));

        var prepared = PostImages.Prepare(png, "bomb.png", "image/png", 1);

        Assert.True(png.Length < 200_000, $"{png.Length} bytes");
        Assert.True(prepared.Succeeded, prepared.Error);
        Assert.Equal((1600, 640), (prepared.Image.Width, prepared.Image.Height));
        using var decoded = SKBitmap.Decode(prepared.Image.Bytes);
        var pixel = decoded.GetPixel(800, 320);
        Assert.True(Math.Abs(pixel.Red - 200) <= 3 && Math.Abs(pixel.Green - 60) <= 3 && Math.Abs(pixel.Blue - 30) <= 3, pixel.ToString());
    }

    [Theory]
    [InlineData(SKAlphaType.Unpremul, 2)]
    [InlineData(SKAlphaType.Opaque, 3)]
    public void A_PNG_read_in_strips_gives_the_same_pixels_as_decoding_it_whole_and_averaging(SKAlphaType alpha, int sample)
    {
        var random = new Random(20270705);
        using var source = new SKBitmap(new SKImageInfo(3_301, 2_003, SKColorType.Rgba8888, alpha));
        using (var canvas = new SKCanvas(source))
        {
            canvas.Clear(new SKColor(10, 200, 30, 128));
            for (var i = 0; i < 200; i++)
            {
                using var paint = new SKPaint { Color = new SKColor((uint)random.Next()), IsAntialias = true };
                canvas.DrawCircle(random.Next(3_301), random.Next(2_003), random.Next(5, 300), paint);
            }
        }
        var png = TestPictures.Encode(source, SKEncodedImageFormat.Png);
        var targetAlpha = alpha == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        using var strips = new SKBitmap(new SKImageInfo(3_301 / sample, 2_003 / sample, SKColorType.Rgba8888, targetAlpha, SKColorSpace.CreateSrgb()));
        using var whole = new SKBitmap(new SKImageInfo(3_301, 2_003, SKColorType.Rgba8888, targetAlpha, SKColorSpace.CreateSrgb()));
        using var codec = SKCodec.Create(new SKMemoryStream(png));

        Assert.True(PngStrips.TryDecode(png, sample, strips));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(whole.Info, whole.GetPixels()));
        var full = whole.GetPixelSpan();
        var small = strips.GetPixelSpan();
        var worst = 0;
        for (var y = 0; y < strips.Height; y++)
        {
            for (var x = 0; x < strips.Width * 4; x++)
            {
                var (box, channel) = Math.DivRem(x, 4);
                var sum = 0;
                for (var dy = 0; dy < sample; dy++)
                {
                    for (var dx = 0; dx < sample; dx++)
                    {
                        sum += full[(y * sample + dy) * whole.RowBytes + (box * sample + dx) * 4 + channel];
                    }
                }
                var expected = (sum + sample * sample / 2) / (sample * sample);
                worst = Math.Max(worst, Math.Abs(expected - small[y * strips.RowBytes + x]));
            }
        }
        Assert.True(worst <= 1, $"a channel differs by {worst}");
    }

    [Fact]
    public void A_damaged_PNG_read_in_strips_is_refused_as_damaged()
    {
        var png = TestPictures.SolidPng(10_000, 4_000, SKColors.Orange);
        var cut = png[..(png.Length / 2)];

        var prepared = PostImages.Prepare(cut, "cut.png", "image/png", 1);

        Assert.StartsWith("The file for image 1 is damaged or incomplete.", prepared.Error);
    }

    [Fact]
    public void An_interlaced_PNG_within_16_megapixels_is_decoded_whole_and_shrunk()
    {
        var prepared = PostImages.Prepare(TestPictures.SolidPng(4_000, 3_000, SKColors.Blue, interlaced: true), "photo.png", "image/png", 1);

        Assert.True(prepared.Succeeded, prepared.Error);
        Assert.Equal((1600, 1200), (prepared.Image.Width, prepared.Image.Height));
    }

    [Fact]
    public void An_interlaced_PNG_over_16_megapixels_is_refused_from_its_header()
    {
        var prepared = PostImages.Prepare(TestPictures.SolidPng(10_000, 4_000, SKColors.Blue, interlaced: true), "bomb.png", "image/png", 1);

        Assert.Equal("The picture for image 1 is an interlaced PNG of 10,000 by 4,000 pixels, which we can only read whole, and that is too big. "
            + "Save it again as an ordinary JPEG or PNG, or make it no more than 16 megapixels.", prepared.Error);
    }

    [Fact]
    public void A_progressive_JPEG_over_16_megapixels_is_refused_from_its_header()
    {
        var prepared = PostImages.Prepare(TestPictures.ProgressiveJpegClaiming(6_000, 4_000), "photo.jpg", "image/jpeg", 1);

        Assert.StartsWith("The picture for image 1 is a progressive JPEG of 6,000 by 4,000 pixels", prepared.Error);
    }
}
