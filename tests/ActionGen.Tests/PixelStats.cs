using StbImageSharp;

namespace ActionGen.Tests;

/// <summary>What a screenshot shows, measured on its pixels: size, how many colours, how much differs from the background.</summary>
internal sealed record PixelStats(int Width, int Height, int DistinctColours, double ForegroundShare)
{
    /// <summary>Decodes a PNG and measures it; the background is the most frequent colour.</summary>
    public static PixelStats Of(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var counts = new Dictionary<int, int>();
        for (int i = 0; i + 2 < image.Data.Length; i += 3)
        {
            int colour = (image.Data[i] << 16) | (image.Data[i + 1] << 8) | image.Data[i + 2];
            counts[colour] = counts.GetValueOrDefault(colour) + 1;
        }
        int pixels = image.Width * image.Height;
        int background = counts.Values.Max();
        return new PixelStats(image.Width, image.Height, counts.Count, (pixels - background) / (double)pixels);
    }

    /// <summary>A chart-sized picture with something drawn on it, not an empty box or a broken-image icon.</summary>
    public bool LooksLikeAChart => Width >= 200 && Height >= 150 && DistinctColours >= 16 && ForegroundShare >= 0.02;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Width}×{Height} px, {DistinctColours} colours, {ForegroundShare:P1} of pixels differ from the background";
}
