using System.Buffers;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ServiceBot.Storage;

/// <summary>
/// One statement compiled once on a kept connection (<see cref="SqliteSession.Statement"/>) and run through SQLite's
/// own API, its parameters bound by position. A <see cref="SqliteCommand"/> looks every parameter up by name on every
/// run (a native call with the name converted to UTF-8 each time), wraps each run in a data reader and an iterator, and
/// was most of the managed cost of the statements a chat turn runs. Errors surface as <see cref="SqliteException"/>,
/// as from a command; the statement is reset after every run, so it never holds a read or the bound values.
/// Not thread-safe: it belongs to its session.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    // Values up to this many UTF-8 bytes are encoded on the stack; longer ones in a rented buffer.
    private const int StackLimit = 512;
    // SQLITE_BUSY met by a read while another connection recovers or restarts the WAL: retried as Microsoft.Data.Sqlite does, but without its 150 ms sleep.
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(5);

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly TimeSpan _timeout;

    public SqliteStatement(sqlite3 db, string sql, TimeSpan timeout)
    {
        _db = db;
        _timeout = timeout;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
    }

    public SqliteStatement Bind(int index, string value)
    {
        // An empty span is bound through a null pointer, which SQLite takes for NULL; SQLitePCL's string overload binds ''.
        if (value.Length == 0)
        {
            Check(raw.sqlite3_bind_text(_statement, index, value));
            return this;
        }
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            var written = Encoding.UTF8.GetBytes(value, buffer);
            // SQLitePCL binds spans as SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
            Check(raw.sqlite3_bind_text(_statement, index, buffer[..written]));
            return this;
        }
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            Check(raw.sqlite3_bind_text(_statement, index, rented.AsSpan(0, written)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        return this;
    }

    /// <summary>Binds text, or NULL for a null value.</summary>
    public SqliteStatement BindOrNull(int index, string? value) => value is null ? BindNull(index) : Bind(index, value);

    public SqliteStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    /// <summary>Binds a blob; an empty one stays a zero-length blob, not NULL.</summary>
    public SqliteStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    /// <summary>Binds a blob, or NULL for a null value.</summary>
    public SqliteStatement BindOrNull(int index, byte[]? value) => value is null ? BindNull(index) : Bind(index, value.AsSpan());

    public SqliteStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Binds a stamp or NULL (<c>IS</c> comparisons read NULL as "none").</summary>
    public SqliteStatement BindOrNull(int index, long? value) => value is { } number ? Bind(index, number) : BindNull(index);

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = Step();
            if (rc == raw.SQLITE_ROW) return raw.sqlite3_changes(_db);
            Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>
    /// Steps to the next row: true while there is one, read through the column methods. Call <see cref="Reset"/> once
    /// done, also when not every row was read.
    /// </summary>
    public bool Read()
    {
        var rc = Step();
        if (rc == raw.SQLITE_ROW) return true;
        Check(rc);
        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public bool IsBlob(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_BLOB;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The column's bytes (a copy; SQLite's buffer lives only until the next step).</summary>
    public byte[] GetBlob(int column) => raw.sqlite3_column_blob(_statement, column).ToArray();

    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>The column as a blob (<see cref="byte"/>[]) or text (<see cref="string"/>), as a data reader's GetValue gives them.</summary>
    public object GetBlobOrText(int column) => IsBlob(column) ? GetBlob(column) : GetString(column);

    /// <summary>Ends a run: the statement releases its read and forgets its bound values (the next run binds every parameter again).</summary>
    public void Reset()
    {
        // Reset returns the error of a failed step again; it was reported there.
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public void Dispose() => _statement.Dispose();

    private int Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (!IsBusy(rc)) return rc;
        var waited = Stopwatch.StartNew();
        while (IsBusy(rc) && waited.Elapsed < _timeout)
        {
            raw.sqlite3_reset(_statement);
            Thread.Sleep(BusyPause);
            rc = raw.sqlite3_step(_statement);
        }
        return rc;
    }

    private static bool IsBusy(int rc) => rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
