/// One problem found in a pipeline or rule file, located by file, line and key path.
public struct RuleProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String
    public var message: String

    public init(file: String, line: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
    }
}

/// Every problem in the pipeline's files, collected before any document is opened.
///
/// A misspelled key in a redaction rule can silently switch the rule off, so the loader
/// reports all problems at once and the run stops with exit status 2, writing nothing.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public var problems: [RuleProblem]

    public init(_ problems: [RuleProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
