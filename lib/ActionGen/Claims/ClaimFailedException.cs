namespace ActionGen.Claims;

/// <summary>Thrown when a notebook's measured claim does not hold: the run fails and names the claim and the measurement.</summary>
public sealed class ClaimFailedException(string message) : Exception(message);
