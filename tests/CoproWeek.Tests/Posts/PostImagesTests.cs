using System.Text;
using CoproWeek.Hub.Posts;
using SkiaSharp;

namespace CoproWeek.Tests.Posts;

public sealed class PostImagesTests
{
    private static ImagePreparation Prepare(byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg", int number = 2) =>
        PostImages.Prepare(bytes, fileName, contentType, number);

    private static SKBitmap Decode(PreparedImage image) =>
        SKBitmap.Decode(image.Bytes) ?? throw new InvalidOperationException("The prepared image does not decode.");

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Blue < 80;

    private static bool IsBlue(SKColor c) => c.Blue > 200 && c.Red < 80;

    [Fact]
    public async Task A_phone_photo_with_EXIF_and_GPS_comes_out_upright_without_any_EXIF()
    {
        using var bitmap = TestPictures.RedLeftBlueRight(200, 100);
        var photo = TestPictures.WithExif(TestPictures.Encode(bitmap, SKEncodedImageFormat.Jpeg), orientation: 6);
        using (var codec = SKCodec.Create(new SKMemoryStream(photo)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin); // the EXIF we built is read as a camera's would be
        }

        var prepared = await PostImages.PrepareAsync(new UploadedImage(new MemoryStream(photo), "IMG_0042.JPG", "image/jpeg"), 1, CancellationToken.None);

        Assert.True(prepared.Succeeded, prepared.Error);
        var image = prepared.Image;
        Assert.Equal(("image/jpeg", ".jpg", 100, 200), (image.ContentType, image.Extension, image.Width, image.Height));
        Assert.DoesNotContain(TestPictures.JpegHeaderSegments(image.Bytes), s => s.Marker == 0xE1);
        Assert.DoesNotContain("Exif\0\0", Encoding.Latin1.GetString(image.Bytes));
        Assert.DoesNotContain("MM\0*", Encoding.Latin1.GetString(image.Bytes));
        using var upright = Decode(image);
        Assert.Equal((100, 200), (upright.Width, upright.Height));
    }

    [Theory]
    [InlineData(1, 200, 100, "red left")]
    [InlineData(2, 200, 100, "blue left")]
    [InlineData(3, 200, 100, "blue left")]
    [InlineData(6, 100, 200, "red top")]
    [InlineData(8, 100, 200, "blue top")]
    public void The_EXIF_orientation_is_applied_so_the_picture_is_upright(ushort orientation, int width, int height, string expected)
    {
        using var bitmap = TestPictures.RedLeftBlueRight(200, 100);
        var photo = TestPictures.WithExif(TestPictures.Encode(bitmap, SKEncodedImageFormat.Jpeg), orientation);

        var prepared = Prepare(photo);

        Assert.True(prepared.Succeeded, prepared.Error);
        using var upright = Decode(prepared.Image);
        Assert.Equal((width, height), (upright.Width, upright.Height));
        var first = expected.EndsWith("left", StringComparison.Ordinal) ? upright.GetPixel(10, height / 2) : upright.GetPixel(width / 2, 10);
        var last = expected.EndsWith("left", StringComparison.Ordinal) ? upright.GetPixel(width - 10, height / 2) : upright.GetPixel(width / 2, height - 10);
        Assert.True(expected.StartsWith("red", StringComparison.Ordinal) ? IsRed(first) && IsBlue(last) : IsBlue(first) && IsRed(last),
            $"expected {expected}, saw {first} then {last}");
    }

    [Fact]
    public void A_big_photo_is_shrunk_to_1600_pixels_on_its_long_side()
    {
        using var bitmap = TestPictures.RedLeftBlueRight(4000, 3000);

        var prepared = Prepare(TestPictures.Encode(bitmap, SKEncodedImageFormat.Jpeg));

        Assert.True(prepared.Succeeded, prepared.Error);
        Assert.Equal((1600, 1200), (prepared.Image.Width, prepared.Image.Height));
        using var decoded = Decode(prepared.Image);
        Assert.Equal((1600, 1200), (decoded.Width, decoded.Height));
        Assert.True(IsRed(decoded.GetPixel(100, 600)) && IsBlue(decoded.GetPixel(1500, 600)));
    }

    [Fact]
    public void A_big_WebP_and_a_big_PNG_are_shrunk_too()
    {
        using var bitmap = TestPictures.RedLeftBlueRight(3000, 2000);

        var webp = Prepare(TestPictures.Encode(bitmap, SKEncodedImageFormat.Webp, 60), "big.webp", "image/webp");
        var png = Prepare(TestPictures.Encode(bitmap, SKEncodedImageFormat.Png), "big.png", "image/png");

        Assert.Equal((1600, 1067), (webp.Image!.Width, webp.Image.Height));
        Assert.Equal((1600, 1067), (png.Image!.Width, png.Image.Height));
    }

    [Fact]
    public void A_WebP_picture_round_trips_as_a_JPEG_of_the_same_size()
    {
        using var bitmap = TestPictures.RedLeftBlueRight(800, 600);

        var prepared = Prepare(TestPictures.Encode(bitmap, SKEncodedImageFormat.Webp), "banner.webp", "image/webp");

        Assert.True(prepared.Succeeded, prepared.Error);
        Assert.Equal(("image/jpeg", ".jpg", 800, 600), (prepared.Image.ContentType, prepared.Image.Extension, prepared.Image.Width, prepared.Image.Height));
        using var decoded = Decode(prepared.Image);
        Assert.True(IsRed(decoded.GetPixel(100, 300)) && IsBlue(decoded.GetPixel(700, 300)));
    }

    [Fact]
    public void A_PNG_with_transparency_stays_a_PNG_and_an_opaque_one_becomes_a_JPEG()
    {
        using var clear = TestPictures.RedLeftBlueRight(300, 200, transparentCorner: true);
        using var solid = TestPictures.RedLeftBlueRight(300, 200);

        var transparent = Prepare(TestPictures.Encode(clear, SKEncodedImageFormat.Png), "logo.png", "image/png");
        var opaque = Prepare(TestPictures.Encode(solid, SKEncodedImageFormat.Png), "chart.png", "image/png");

        Assert.Equal(("image/png", ".png"), (transparent.Image!.ContentType, transparent.Image.Extension));
        using var decoded = Decode(transparent.Image);
        Assert.Equal(0, decoded.GetPixel(2, 2).Alpha);
        Assert.Equal(("image/jpeg", ".jpg"), (opaque.Image!.ContentType, opaque.Image.Extension));
    }

    [Fact]
    public void A_text_file_renamed_to_jpg_is_refused_in_plain_words()
    {
        var prepared = Prepare(Encoding.UTF8.GetBytes("Dear moderators, here is our story about the tea party."), "holiday.jpg", "image/jpeg");

        Assert.False(prepared.Succeeded);
        Assert.Equal("The file for image 2 is not a JPEG, PNG or WebP picture. Choose a photo or picture file.", prepared.Error);
    }

    [Fact]
    public void A_GIF_is_refused_even_though_it_is_a_picture()
    {
        var prepared = Prepare(TestPictures.TinyGif, "dance.gif", "image/gif");

        Assert.Equal("The file for image 2 is not a JPEG, PNG or WebP picture. Choose a photo or picture file.", prepared.Error);
    }

    [Fact]
    public void An_iPhone_HEIC_photo_is_refused_with_advice()
    {
        byte[] heic = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 0];

        var prepared = Prepare(heic, "IMG_1234.HEIC", "image/heic", number: 3);

        Assert.Equal("The file for image 3 is an iPhone HEIC photo, which we cannot use. Save it as a JPEG and choose it again.", prepared.Error);
    }

    [Fact]
    public void A_truncated_PNG_is_refused_as_damaged()
    {
        using var noise = TestPictures.Noise(300, 200, seed: 7);
        var png = TestPictures.Encode(noise, SKEncodedImageFormat.Png);

        var prepared = Prepare(png[..(png.Length * 6 / 10)], "cut.png", "image/png");

        Assert.Equal("The file for image 2 is damaged or incomplete. Choose the picture again, or try a different one.", prepared.Error);
    }

    [Fact]
    public void A_truncated_JPEG_is_refused_as_damaged()
    {
        using var noise = TestPictures.Noise(300, 200, seed: 8);
        var jpeg = TestPictures.Encode(noise, SKEncodedImageFormat.Jpeg);

        var prepared = Prepare(jpeg[..(jpeg.Length / 2)]);

        Assert.Equal("The file for image 2 is damaged or incomplete. Choose the picture again, or try a different one.", prepared.Error);
    }

    [Fact]
    public void A_PNG_claiming_60000_by_60000_pixels_is_refused_without_decoding()
    {
        var bomb = TestPictures.PngClaiming(60_000, 60_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var prepared = Prepare(bomb, "bomb.png", "image/png");

        Assert.Equal("The picture for image 2 is too big: it is 60,000 by 60,000 pixels. Choose a picture no more than 10,000 pixels wide or high.", prepared.Error);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024 * 1024, "allocated megabytes for a picture it refused");
    }

    [Fact]
    public void A_picture_over_40_megapixels_is_refused_even_within_10000_pixels_a_side()
    {
        var prepared = Prepare(TestPictures.PngClaiming(9_000, 5_000), "wide.png", "image/png");

        Assert.StartsWith("The picture for image 2 is too big: it is 9,000 by 5,000 pixels.", prepared.Error);
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused_before_it_is_decoded()
    {
        using var bitmap = TestPictures.RedLeftBlueRight(200, 100);
        var jpeg = TestPictures.Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var padded = new byte[PostImages.MaxBytes + 1];
        jpeg.CopyTo(padded, 0);

        var prepared = await PostImages.PrepareAsync(new UploadedImage(new MemoryStream(padded), "huge.jpg", "image/jpeg"), 1, CancellationToken.None);

        Assert.Equal("The file for image 1 is bigger than 5 MB. Choose a smaller picture, or make it smaller first.", prepared.Error);
    }

    [Fact]
    public void The_field_for_image_2_is_images_1()
    {
        Assert.Equal("images[1]", PostImages.FieldName(2));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("The file for image 2 is empty. Choose the picture again.", Prepare([]).Error);
    }
}
