/// How well the run tells which communications involve an ICE detainer or warrant.
///
/// Precision and recall of `detainer.present == true` over matched communications whose
/// truth labels a detainer. `forms` is judged as a set, only where the truth says a detainer
/// is present or names forms, since "no detainer, no forms" is already counted above.
package struct DetainerScore: Sendable {
    package struct Mismatch: Sendable, Equatable {
        package var path: String
        package var pageStart: Int
        package var truth: String
        package var predicted: String
    }

    package var status: MetricStatus
    package var present = PrecisionRecall()
    package var formsStatus: MetricStatus = .ok
    package var forms = Accuracy()
    package var mismatches: [Mismatch] = []

    package init(status: MetricStatus) {
        self.status = status
        formsStatus = status
    }

    /// - Parameter records: all records read, to tell "not built" (no record carries a
    ///   `detainer` object) from "predicted absent".
    package init(pairs: [MatchedPair], records: [PredictedCommunication]) {
        let labelled = pairs.filter { $0.truth.detainer != nil }
        guard !labelled.isEmpty else {
            self.init(
                status: .noTruth(
                    pairs.isEmpty ? "no communication matched" : "no matched communication labels 'detainer'"))
            return
        }
        guard records.contains(where: { $0.detainer != nil }) else {
            self.init(status: .notBuilt("no record has a 'detainer' object"))
            return
        }
        self.init(status: .ok)
        for pair in labelled {
            guard let truth = pair.truth.detainer else { continue }
            let predicted = pair.predicted.detainer ?? TruthDetainer(present: false, forms: [])
            switch (truth.present, predicted.present) {
            case (true, true): present.truePositives += 1
            case (false, true): present.falsePositives += 1
            case (true, false): present.falseNegatives += 1
            case (false, false): break
            }
            if truth.present != predicted.present {
                mismatches.append(
                    Mismatch(
                        path: pair.path, pageStart: pair.truth.pageStart, truth: "present: \(truth.present)",
                        predicted: "present: \(predicted.present)"))
            }
            if let truthForms = truth.forms, truth.present || !truthForms.isEmpty {
                let right = Set(truthForms) == Set(predicted.forms ?? [])
                forms.record(right)
                if !right {
                    mismatches.append(
                        Mismatch(
                            path: pair.path, pageStart: pair.truth.pageStart,
                            truth: "forms: " + truthForms.sorted().joined(separator: ", "),
                            predicted: "forms: " + (predicted.forms ?? []).sorted().joined(separator: ", ")))
                }
            }
        }
        if forms.total == 0 {
            formsStatus = .noTruth("no matched communication has a labelled detainer with forms")
        }
    }
}
