using System.Globalization;

namespace ActionGen.Data;

/// <summary>
/// A validated CSV file: a header of column names and rows with exactly that many fields. Every error names the file
/// and the 1-based line. Fields hold no commas or quotes (the series' files are plain numbers and words).
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columnIndex;

    private CsvTable(string path, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows, IReadOnlyList<int> lines)
    {
        Path = path;
        Columns = columns;
        Rows = rows;
        LineNumbers = lines;
        columnIndex = columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The file the table was read from.</summary>
    public string Path { get; }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data rows (header excluded, blank lines skipped).</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The file line of each row, for error messages.</summary>
    public IReadOnlyList<int> LineNumbers { get; }

    /// <summary>Reads and validates <paramref name="path"/>: a header, no duplicate or empty names, same field count on every row, at least one row.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The first problem found, with file and line.</exception>
    public static CsvTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new InvalidDataException($"{path} is a directory, expected a CSV file.");
        if (!File.Exists(path)) throw new FileNotFoundException($"Data file not found: {path}", path);
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header)) throw new InvalidDataException($"{path}:1: empty file, expected a header line of column names.");
        string[] columns = header.Split(',').Select(c => c.Trim()).ToArray();
        string? duplicate = columns.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null) throw new InvalidDataException($"{path}:1: column '{duplicate}' appears twice in the header.");
        if (columns.Any(string.IsNullOrEmpty)) throw new InvalidDataException($"{path}:1: the header has an empty column name.");

        var rows = new List<string[]>();
        var lines = new List<int>();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string[] fields = line.Split(',');
            if (fields.Length != columns.Length)
                throw new InvalidDataException($"{path}:{lineNumber}: expected {columns.Length} fields ({string.Join(",", columns)}), got {fields.Length}.");
            rows.Add(fields);
            lines.Add(lineNumber);
        }
        if (rows.Count == 0) throw new InvalidDataException($"{path}: no data rows after the header.");
        return new CsvTable(path, columns, rows, lines);
    }

    /// <summary>The index of column <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">No such column; the message lists the columns there are.</exception>
    public int IndexOf(string name) =>
        columnIndex.TryGetValue(name, out int index)
            ? index
            : throw new InvalidDataException($"{Path}:1: no column '{name}'; the columns are {string.Join(", ", Columns)}.");

    /// <summary>The named columns as a [rows, columns] matrix of finite numbers that float32 (the tensors' type) can hold.</summary>
    /// <exception cref="InvalidDataException">A field that is not such a number, with file, line and column.</exception>
    public double[,] Numbers(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        int[] indices = names.Select(IndexOf).ToArray();
        var values = new double[Rows.Count, indices.Length];
        for (int r = 0; r < Rows.Count; r++)
        {
            for (int c = 0; c < indices.Length; c++)
            {
                string field = Rows[r][indices[c]].Trim();
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new InvalidDataException($"{Path}:{LineNumbers[r]}: column '{names[c]}' holds '{field}', expected a number.");
                if (!double.IsFinite(value))
                    throw new InvalidDataException($"{Path}:{LineNumbers[r]}: column '{names[c]}' holds {field}, expected a finite number.");
                if (Math.Abs(value) > float.MaxValue)
                    throw new InvalidDataException($"{Path}:{LineNumbers[r]}: column '{names[c]}' holds {field}, beyond float32's range (±{float.MaxValue:E2}): it would become infinite in a tensor.");
                values[r, c] = value;
            }
        }
        return values;
    }

    /// <summary>The named column as whole numbers ≥ 0 (episode and step indices).</summary>
    /// <exception cref="InvalidDataException">A field that is not a whole number ≥ 0, with file, line and column.</exception>
    public int[] Indices(string name)
    {
        int index = IndexOf(name);
        var values = new int[Rows.Count];
        for (int r = 0; r < Rows.Count; r++)
        {
            string field = Rows[r][index].Trim();
            if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out values[r]))
                throw new InvalidDataException($"{Path}:{LineNumbers[r]}: column '{name}' holds '{field}', expected a whole number 0 or above.");
        }
        return values;
    }

    /// <summary>The named column as text.</summary>
    public string[] Text(string name)
    {
        int index = IndexOf(name);
        return Rows.Select(r => r[index].Trim()).ToArray();
    }
}
