using AdminPortal.Domain.Common;

namespace AdminPortal.Web.Api;

/// <summary>
/// API bodies are small JSON objects: anything over 64 KB is refused with 413 in the envelope, whether it says its length
/// or streams it, before the idempotency check or an endpoint reads it.
/// </summary>
internal static class ApiBodyLimit
{
    public const int MaxBytes = 64 * 1024;

    public static void UseApiBodyLimit(this IApplicationBuilder api) => api.Use(async (http, next) =>
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            await ApiResults.WriteAsync(http, TooLarge());
            return;
        }

        http.Request.Body = new LimitedStream(http.Request.Body);
        try
        {
            await next(http);
        }
        catch (BodyTooLargeException) when (!http.Response.HasStarted)
        {
            await ApiResults.WriteAsync(http, TooLarge());
        }
    });

    private static Error TooLarge() => new(
        Errors.BodyTooLarge,
        $"The request body is larger than {MaxBytes / 1024} KB",
        "Send only the fields the endpoint documents at /openapi/v1.json");

    private sealed class BodyTooLargeException() : Exception("The request body is over the API's limit");

    /// <summary>Reads through to the request body and stops once more than the limit has come.</summary>
    private sealed class LimitedStream(Stream inner) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > MaxBytes ? throw new BodyTooLargeException() : read;
        }
    }
}
