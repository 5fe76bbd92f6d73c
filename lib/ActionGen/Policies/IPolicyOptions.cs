namespace ActionGen.Policies;

/// <summary>What every method's options record offers: a seed for the weights, and validation that names the culprit.</summary>
public interface IPolicyOptions
{
    /// <summary>Seeds the weight initialisation.</summary>
    int Seed { get; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range (non-finite numbers included).</summary>
    void Validate();
}
