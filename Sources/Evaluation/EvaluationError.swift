/// Why an evaluation could not run at all: a missing folder, or a truth or output file that
/// cannot be read as the contract describes.
///
/// The message names the file (and line or key where there is one) and what to do, because
/// whoever reads it is usually fixing a generator or a writer, not the evaluator. The CLI
/// exits with status 2 for every one of these.
package struct EvaluationError: Error, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
