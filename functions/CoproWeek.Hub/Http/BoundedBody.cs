using System.Buffers;

namespace CoproWeek.Hub.Http;

/// <summary>Reads a request or part body whole, up to a limit, without trusting a declared length to enforce it.</summary>
public static class BoundedBody
{
    /// <summary>
    /// The body's bytes, or null as soon as it is longer than <paramref name="maxBytes"/>. The declared length, when
    /// there is one, only sizes the first buffer; the buffer grows if the body turns out longer.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, long? declaredLength, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(declaredLength is > 0 && declaredLength <= maxBytes ? (int)declaredLength + 1 : 4096);
        try
        {
            var filled = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += read;
                if (filled > maxBytes)
                {
                    return null;
                }
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return buffer.AsSpan(0, filled).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
