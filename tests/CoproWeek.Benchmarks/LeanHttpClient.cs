using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoproWeek.Benchmarks;

/// <summary>
/// A load generator's HTTP/1.1 client, as lean as wrk's: one kept-alive socket, a request written in one send,
/// the answer read up to its Content-Length. The benchmark runs the clients, the self-host and the storage
/// emulator on the same two cores, so every microsecond the client spends is taken from the server it measures;
/// HttpClient costs several times this per request. One instance serves one client at a time.
/// </summary>
public sealed class LeanHttpClient(Uri baseAddress) : IDisposable
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private Socket? _socket;

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/> and returns the status code; the body is read and dropped.</summary>
    public async Task<int> PostJsonAsync(string path, string json, CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n");
        var length = head.Length + body.Length;
        var request = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            head.CopyTo(request, 0);
            body.CopyTo(request, head.Length);
            // A kept-alive connection the server has since closed fails on first use; that one gets a fresh connection.
            var reused = _socket is not null;
            try
            {
                return await ExchangeAsync(request.AsMemory(0, length), cancellationToken);
            }
            catch (Exception e) when (reused && e is IOException or SocketException)
            {
                Dispose();
                return await ExchangeAsync(request.AsMemory(0, length), cancellationToken);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(request);
        }
    }

    private async Task<int> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        var socket = await ConnectedAsync(cancellationToken);
        while (!request.IsEmpty)
        {
            request = request[await socket.SendAsync(request, SocketFlags.None, cancellationToken)..];
        }
        return await ReadAnswerAsync(socket, cancellationToken);
    }

    private async Task<Socket> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_socket is not null)
        {
            return _socket;
        }
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(baseAddress.Host), baseAddress.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return _socket = socket;
    }

    /// <summary>Reads the status line and headers, then exactly Content-Length bytes of body; closes the socket if the server will.</summary>
    private async Task<int> ReadAnswerAsync(Socket socket, CancellationToken cancellationToken)
    {
        var filled = 0;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            filled += await ReceiveSomeAsync(socket, filled, cancellationToken);
        }
        var headers = Encoding.ASCII.GetString(_buffer, 0, headerEnd);
        var status = int.Parse(headers.AsSpan(9, 3));
        var length = 0;
        var close = false;
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan("Content-Length:".Length).Trim());
            }
            else if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException("This client reads only answers with a Content-Length.");
            }
            else if (line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && line.Contains("close", StringComparison.OrdinalIgnoreCase))
            {
                close = true;
            }
        }
        var remaining = headerEnd + 4 + length - filled;
        while (remaining > 0)
        {
            remaining -= await ReceiveSomeAsync(socket, 0, cancellationToken, Math.Min(remaining, _buffer.Length));
        }
        if (close)
        {
            Dispose();
        }
        return status;
    }

    private async Task<int> ReceiveSomeAsync(Socket socket, int offset, CancellationToken cancellationToken, int? most = null)
    {
        if (offset == _buffer.Length)
        {
            throw new InvalidOperationException("The answer's headers do not fit the client's buffer.");
        }
        var read = await socket.ReceiveAsync(_buffer.AsMemory(offset, most ?? _buffer.Length - offset), SocketFlags.None, cancellationToken);
        return read > 0 ? read : throw new IOException("The server closed the connection.");
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
