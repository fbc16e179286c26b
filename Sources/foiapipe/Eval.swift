import ArgumentParser
import Evaluation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score an output folder against truth files.")

    @Option(name: .long, help: "Folder of *.truth.json files.")
    var truth: String

    @Argument(help: "Output folder of a run.")
    var out: String

    func run() throws {
        throw ValidationError("eval is not built yet")
    }
}
