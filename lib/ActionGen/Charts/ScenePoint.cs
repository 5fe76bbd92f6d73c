using ActionGen.Tasks;

namespace ActionGen.Charts;

/// <summary>A labelled point drawn on the obstacle scene, e.g. the experts' shared decision point.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Position">Where it is.</param>
public sealed record ScenePoint(string Name, Vec2 Position);
