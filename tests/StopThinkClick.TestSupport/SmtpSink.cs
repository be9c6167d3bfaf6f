using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace StopThinkClick.TestSupport;

/// <summary>
/// A mail server on a loopback port that accepts every message over plain SMTP and keeps it, so
/// tests read what the app really sent through its real SmtpClient (addressee and body).
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    public sealed record Mail(string To, string Body);

    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stop = new();
    readonly ConcurrentQueue<Mail> received = new();

    public int Port { get; }

    // Open unless a test holds the sink: then every connection waits before the server's greeting,
    // as a slow or distant mail server would, until Release.
    volatile TaskCompletionSource gate = Opened();

    static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    /// <summary>Holds every new SMTP conversation before its greeting until <see cref="Release"/>.</summary>
    public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => gate.TrySetResult();

    /// <summary>How many connections are waiting at the greeting (a held sink).</summary>
    public int Waiting => waiting;
    int waiting;

    public SmtpSink()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public IReadOnlyList<Mail> To(string address) =>
        received.Where(m => m.To.Equals(address, StringComparison.OrdinalIgnoreCase)).ToList();

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        Interlocked.Increment(ref waiting);
        try { await gate.Task; }
        finally { Interlocked.Decrement(ref waiting); }
        await writer.WriteLineAsync("220 sink ready");
        var to = "";
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            if (verb == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
            if (verb == "RCPT") to = Address().Match(line).Groups[1].Value;
            if (verb != "DATA") { await writer.WriteLineAsync("250 ok"); continue; }
            await writer.WriteLineAsync("354 go on");
            var data = new StringBuilder();
            while (await reader.ReadLineAsync() is { } body && body != ".") data.Append(body.StartsWith("..") ? body[1..] : body).Append("\r\n");
            received.Enqueue(new Mail(to, Decode(data.ToString())));
            await writer.WriteLineAsync("250 kept");
        }
    }

    /// <summary>The message's body as text: quoted-printable soft breaks joined, or base64 decoded.</summary>
    static string Decode(string message)
    {
        var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var (headers, body) = split < 0 ? (message, "") : (message[..split], message[(split + 4)..]);
        if (headers.Contains("base64", StringComparison.OrdinalIgnoreCase))
            return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n").Select(l => l.Trim()))));
        if (headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
            return QuotedByte().Replace(body.Replace("=\r\n", ""), m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
        return body;
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("<([^>]+)>")]
    private static partial Regex Address();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();
}
