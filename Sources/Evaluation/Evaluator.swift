/// Scores a run's output against truth files (placeholder until the evaluator lands).
public enum Evaluator {}
