using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace CoproWeek.Hub.Storage;

/// <summary>
/// The one way a table row is stored: a sealed record per kind of row, whose properties are its columns, stored
/// under the properties' own names (<c>nameof</c>) and mapped by hand in <see cref="ToEntity"/> and
/// <see cref="FromEntity"/>, so the stored shape is visible in one place and never changes by accident. Status words
/// are constants, stored as the same lower-case words they always were. A property left null is not written: a
/// merge of a record with only some properties set changes only those columns. Reading tolerates absent columns
/// (rows written before a column existed, or read with a <c>select</c>).
/// </summary>
public interface ITableRow<TSelf> where TSelf : ITableRow<TSelf>
{
    TableEntity ToEntity();

    static abstract TSelf FromEntity(TableEntity e);
}

/// <summary>Reading typed rows.</summary>
public static class TableRows
{
    /// <summary>The row at these keys, or null if there is none.</summary>
    public static async Task<T?> GetRowAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableRow<T>
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return row.HasValue ? T.FromEntity(row.Value!) : null;
    }

    /// <summary>The rows a filter selects, in key order.</summary>
    public static async IAsyncEnumerable<T> QueryRowsAsync<T>(this TableClient table, string? filter, [EnumeratorCancellation] CancellationToken cancellationToken,
        IEnumerable<string>? select = null, int? maxPerPage = null)
        where T : ITableRow<T>
    {
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken))
        {
            yield return T.FromEntity(row);
        }
    }

    /// <summary>Adds each value that is not null to the entity, under its name.</summary>
    public static TableEntity With(this TableEntity entity, params ReadOnlySpan<(string Name, object? Value)> columns)
    {
        foreach (var (name, value) in columns)
        {
            if (value is not null)
            {
                entity[name] = value;
            }
        }
        return entity;
    }
}
