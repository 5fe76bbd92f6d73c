using ActionGen.Tasks;
using TorchSharp;

namespace ActionGen.Data;

/// <summary>
/// (observation, action) pairs in raw units, the input every method of the series trains on. Built from arrays,
/// tensors, a CSV with named columns, or the built-in tasks; validated on construction.
/// </summary>
public sealed class ActionDataset
{
    /// <summary>Creates a dataset from [N, observation dim] and [N, action dim] matrices.</summary>
    /// <exception cref="ArgumentException">Empty data, row counts that differ, or a non-finite value (named by row and column).</exception>
    public ActionDataset(double[,] observations, double[,] actions, IReadOnlyList<string>? observationNames = null, IReadOnlyList<string>? actionNames = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        if (observations.GetLength(0) == 0) throw new ArgumentException("The dataset is empty: expected at least one (observation, action) pair.", nameof(observations));
        if (observations.GetLength(0) != actions.GetLength(0))
            throw new ArgumentException($"Expected as many actions as observations, got {observations.GetLength(0)} observations and {actions.GetLength(0)} actions.", nameof(actions));
        if (observations.GetLength(1) == 0 || actions.GetLength(1) == 0)
            throw new ArgumentException($"Expected at least one observation and one action column, got {observations.GetLength(1)} and {actions.GetLength(1)}.");
        EnsureFinite(observations, nameof(observations));
        EnsureFinite(actions, nameof(actions));
        Observations = observations;
        Actions = actions;
        ObservationNames = observationNames ?? DefaultNames("s", observations.GetLength(1));
        ActionNames = actionNames ?? DefaultNames("a", actions.GetLength(1));
        if (ObservationNames.Count != ObservationDim) throw new ArgumentException($"Expected {ObservationDim} observation names, got {ObservationNames.Count}.", nameof(observationNames));
        if (ActionNames.Count != ActionDim) throw new ArgumentException($"Expected {ActionDim} action names, got {ActionNames.Count}.", nameof(actionNames));
    }

    /// <summary>Observations, [N, observation dim].</summary>
    public double[,] Observations { get; }

    /// <summary>Actions, [N, action dim].</summary>
    public double[,] Actions { get; }

    /// <summary>Observation column names.</summary>
    public IReadOnlyList<string> ObservationNames { get; }

    /// <summary>Action column names.</summary>
    public IReadOnlyList<string> ActionNames { get; }

    /// <summary>
    /// How many time steps one action holds, laid out step by step (time-major): 1 for a single step, H for a chunk of H
    /// steps (set by <c>ActionChunks</c> and the Push-T chunker). Methods that exploit time (FAST) read it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1, or not a divisor of the action dimension.</exception>
    public int TimeSteps
    {
        get => timeSteps;
        init
        {
            if (value < 1 || ActionDim % value != 0)
                throw new ArgumentOutOfRangeException(nameof(TimeSteps), value, $"An action of {ActionDim} values cannot hold {value} equal time steps.");
            timeSteps = value;
        }
    }

    private readonly int timeSteps = 1;

    /// <summary>Number of pairs.</summary>
    public int Count => Observations.GetLength(0);

    /// <summary>Observation dimension.</summary>
    public int ObservationDim => Observations.GetLength(1);

    /// <summary>Action dimension.</summary>
    public int ActionDim => Actions.GetLength(1);

    /// <summary>From tensors of shape [N, observation dim] and [N, action dim] (any floating dtype, any device).</summary>
    public static ActionDataset FromTensors(torch.Tensor observations, torch.Tensor actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        return new ActionDataset(ToMatrix(observations, nameof(observations)), ToMatrix(actions, nameof(actions)));
    }

    /// <summary>From one-dimensional observations and actions (the 1-D toy).</summary>
    public static ActionDataset FromScalars(IReadOnlyList<double> observations, IReadOnlyList<double> actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        var s = new double[observations.Count, 1];
        var a = new double[actions.Count, 1];
        for (int i = 0; i < observations.Count; i++) s[i, 0] = observations[i];
        for (int i = 0; i < actions.Count; i++) a[i, 0] = actions[i];
        return new ActionDataset(s, a, ["s"], ["a"]);
    }

    /// <summary>From a CSV file, taking the named columns as observation and action.</summary>
    /// <exception cref="InvalidDataException">Malformed file or missing column: the message names file and line.</exception>
    public static ActionDataset FromCsv(string path, IReadOnlyList<string> observationColumns, IReadOnlyList<string> actionColumns)
    {
        var table = CsvTable.Read(path);
        return new ActionDataset(table.Numbers(observationColumns), table.Numbers(actionColumns), observationColumns, actionColumns);
    }

    /// <summary>Every step of the obstacle demonstrations: observation (x, y), action (dx, dy).</summary>
    public static ActionDataset FromDemonstrations(IEnumerable<Demonstration> demonstrations)
    {
        ArgumentNullException.ThrowIfNull(demonstrations);
        var pairs = demonstrations.SelectMany(d => d.Observations.Zip(d.Actions)).ToList();
        var s = new double[pairs.Count, 2];
        var a = new double[pairs.Count, 2];
        for (int i = 0; i < pairs.Count; i++)
        {
            (s[i, 0], s[i, 1]) = (pairs[i].First.X, pairs[i].First.Y);
            (a[i, 0], a[i, 1]) = (pairs[i].Second.X, pairs[i].Second.Y);
        }
        return new ActionDataset(s, a, ["x", "y"], ["dx", "dy"]);
    }

    /// <summary>Observations as a float32 tensor on <paramref name="device"/>.</summary>
    public torch.Tensor ObservationTensor(torch.Device? device = null) => torch.tensor(Observations, dtype: torch.float32, device: device);

    /// <summary>Actions as a float32 tensor on <paramref name="device"/>.</summary>
    public torch.Tensor ActionTensor(torch.Device? device = null) => torch.tensor(Actions, dtype: torch.float32, device: device);

    private static double[,] ToMatrix(torch.Tensor tensor, string name)
    {
        if (tensor.dim() != 2) throw new ArgumentException($"Expected a 2-D tensor [N, dim] for {name}, got shape [{string.Join(", ", tensor.shape)}].", name);
        if (!tensor.is_floating_point()) throw new ArgumentException($"Expected a floating-point tensor for {name}, got {tensor.dtype}.", name);
        using var cpu = tensor.detach().to(torch.float64).cpu();
        double[] flat = cpu.data<double>().ToArray();
        int rows = (int)tensor.shape[0], columns = (int)tensor.shape[1];
        var matrix = new double[rows, columns];
        Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * sizeof(double));
        return matrix;
    }

    private static void EnsureFinite(double[,] values, string name)
    {
        for (int r = 0; r < values.GetLength(0); r++)
        {
            for (int c = 0; c < values.GetLength(1); c++)
            {
                if (!double.IsFinite(values[r, c]) || Math.Abs(values[r, c]) > float.MaxValue)
                    throw new ArgumentException($"{name}[{r}, {c}] is {values[r, c]}: expected finite numbers within float32's range (the tensors' type).", name);
            }
        }
    }

    private static string[] DefaultNames(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToArray();
}
