import FoiaCore
import Rules
import Segmentation

/// Line roles as the default pipeline's segmentation gives them, for tests that hand a later
/// stage a body or a page without running the whole segmenter over a document.
public enum TestStructure {
    /// The segmenter of `Pipelines/default.yaml`.
    public static let segmenter: Segmenter = {
        do {
            return Segmenter(config: try PipelineConfig.load(path: Fixtures.defaultPipeline).segmentation)
        } catch {
            fatalError("Pipelines/default.yaml does not load:\n\(error)")
        }
    }()

    /// The roles of a page's printed lines, as the batch runner gives them to redaction.
    public static func roles(of page: PageText) -> [LineRole] { segmenter.roles(of: page) }

    /// The roles of a body's lines, as a communication carries them.
    public static func roles(ofBody body: String) -> [LineRole] {
        segmenter.roles(ofBody: body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }
}
