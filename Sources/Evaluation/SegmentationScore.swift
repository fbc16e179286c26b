/// How well the run found where each communication starts and ends.
///
/// A prediction is right (strict) when a truth communication of the same PDF has the same
/// first and last page; the start-only score asks only for the first page, which tells a
/// header detector that finds messages but misjudges where they end from one that misses
/// them. The headline F1 is strict. Scores are also split by how the truth says the PDF was
/// made (`text`, `scanned`, `mixed`; `unknown` for hand labels), since OCR is where
/// segmentation usually breaks.
package struct SegmentationScore: Sendable {
    /// A truth communication with no strict match.
    package struct Miss: Sendable, Equatable {
        package var path: String
        package var pageStart: Int
        package var pageEnd: Int
        /// The last page of the prediction that starts on the same page, if there is one.
        package var predictedPageEnd: Int?

        package init(path: String, pageStart: Int, pageEnd: Int, predictedPageEnd: Int?) {
            self.path = path
            self.pageStart = pageStart
            self.pageEnd = pageEnd
            self.predictedPageEnd = predictedPageEnd
        }
    }

    /// A prediction with no truth communication starting on its first page.
    package struct Extra: Sendable, Equatable {
        package var path: String
        package var pageStart: Int
        package var pageEnd: Int
        package var line: Int
    }

    package var status: MetricStatus
    package var strict = PrecisionRecall()
    package var startOnly = PrecisionRecall()
    /// Rendition → (strict, start-only), sorted by rendition.
    package var byRendition: [(rendition: String, strict: PrecisionRecall, startOnly: PrecisionRecall)] = []
    package var missed: [Miss] = []
    package var spurious: [Extra] = []

    package init(status: MetricStatus) {
        self.status = status
    }

    package init(matching: Matching) {
        status = .ok
        var renditions: [String: (strict: PrecisionRecall, startOnly: PrecisionRecall)] = [:]
        for doc in matching.documents {
            let strictScore = PrecisionRecall(
                truePositives: doc.strict.count, falsePositives: doc.predicted.count - doc.strict.count,
                falseNegatives: doc.truth.communications.count - doc.strict.count)
            let startScore = PrecisionRecall(
                truePositives: doc.startOnly.count, falsePositives: doc.predicted.count - doc.startOnly.count,
                falseNegatives: doc.truth.communications.count - doc.startOnly.count)
            strict.add(strictScore)
            startOnly.add(startScore)
            let rendition = doc.truth.rendition ?? "unknown"
            renditions[rendition, default: (PrecisionRecall(), PrecisionRecall())].strict.add(strictScore)
            renditions[rendition, default: (PrecisionRecall(), PrecisionRecall())].startOnly.add(startScore)

            let strictTruth = Set(doc.strict.map(\.truth))
            let startByTruth = Dictionary(uniqueKeysWithValues: doc.startOnly.map { ($0.truth, $0.predicted) })
            for (i, c) in doc.truth.communications.enumerated() where !strictTruth.contains(i) {
                missed.append(
                    Miss(
                        path: doc.truth.path, pageStart: c.pageStart, pageEnd: c.pageEnd,
                        predictedPageEnd: startByTruth[i].map { doc.predicted[$0].pageEnd }))
            }
            let startPredicted = Set(doc.startOnly.map(\.predicted))
            for (i, p) in doc.predicted.enumerated() where !startPredicted.contains(i) {
                spurious.append(Extra(path: doc.truth.path, pageStart: p.pageStart, pageEnd: p.pageEnd, line: p.line))
            }
        }
        byRendition = renditions.keys.sorted().compactMap { key in
            renditions[key].map { (key, $0.strict, $0.startOnly) }
        }
    }
}
