using System.Threading.Channels;
using Npgsql;

namespace StopThinkClick.Load;

/// <summary>
/// The durable baseline's store: each answer appended to a plain table with raw Npgsql, through
/// the same kind of group commit as the app's event writer (one loop drains whatever has queued,
/// up to 1,000, into one transaction; synchronous commit on, PostgreSQL's default, said out loud),
/// and the caller's task completes only once its row is committed. No Marten, no JSON, no event
/// metadata, no rules: what is left is the floor of "acknowledged means stored" on this machine.
/// </summary>
sealed class DurableAnswers : IAsyncDisposable
{
    public const string Table = "bare.answers";
    const int MaxBatch = 1000;

    sealed record Pending(Guid Id, Guid Session, string Question, string[] Options, TaskCompletionSource Done);

    readonly NpgsqlDataSource db;
    readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    readonly Task loop;

    DurableAnswers(NpgsqlDataSource db)
    {
        this.db = db;
        loop = Task.Run(WriteLoopAsync);
    }

    public static async Task<DurableAnswers> OpenAsync(string connectionString)
    {
        var db = NpgsqlDataSource.Create(connectionString);
        await using var create = db.CreateCommand(
            $"create schema if not exists bare; create table if not exists {Table} (id uuid primary key, session uuid not null, question text not null, options text[] not null, at timestamptz not null default now())");
        await create.ExecuteNonQueryAsync();
        return new DurableAnswers(db);
    }

    public Task AppendAsync(Guid id, Guid session, string question, string[] options)
    {
        var pending = new Pending(id, session, question, options, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The durable baseline has stopped.");
        return pending.Done.Task;
    }

    async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await WriteAsync(batch);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.TrySetException(e);
            }
        }
    }

    async Task WriteAsync(List<Pending> batch)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        // One round trip for the setting and the rows, then the commit: as few as the app's writer.
        await using var write = new NpgsqlBatch(connection, tx);
        write.BatchCommands.Add(new NpgsqlBatchCommand("set local synchronous_commit to on"));
        // Options go as one JSON array per answer: PostgreSQL has no array of arrays of text for unnest.
        var insert = new NpgsqlBatchCommand(
            $"insert into {Table} (id, session, question, options) select i, s, q, array(select jsonb_array_elements_text(o)) " +
            "from unnest($1, $2, $3, $4) as t(i, s, q, o) on conflict (id) do nothing");
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.Id).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.Session).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.Question).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb,
            Value = batch.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Options)).ToArray() });
        write.BatchCommands.Add(insert);
        await write.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    /// <summary>The zero-lost check for the baseline: every acknowledged id is a row, once (the primary key makes "twice" impossible).</summary>
    public static async Task<(int Stored, int Lost)> CheckAsync(string connectionString, IEnumerable<Guid> acked)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand($"select id from {Table}");
        var stored = new HashSet<Guid>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(reader.GetGuid(0));
        return (stored.Count, acked.Count(id => !stored.Contains(id)));
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        await db.DisposeAsync();
    }
}
