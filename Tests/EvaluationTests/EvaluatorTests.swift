import Evaluation
import Testing

@Suite struct EvaluatorTests {}
