/// How far the run's `counts.csv` is from the counts the truth implies.
///
/// The relative error is the sum over every cell (`communications` and `with_detainer` of
/// every row in either table, the ALL row included) of |predicted − truth|, divided by the
/// sum of the truth's cells. A row the run left out counts its truth cells as wrong; a row it
/// made up counts its own.
package struct CountsScore: Sendable {
    package struct RowDiff: Sendable, Equatable {
        package var key: CountsSheet.Key
        package var truth: CountsSheet.Cells?
        package var predicted: CountsSheet.Cells?
    }

    package var status: MetricStatus
    package var absoluteError = 0
    package var truthTotal = 0
    /// Rows that differ, in file order.
    package var diffs: [RowDiff] = []
    package var rows = 0

    package var relativeError: Double? { ratio(absoluteError, truthTotal) }

    package init(status: MetricStatus) {
        self.status = status
    }

    package init(truth: CountsSheet, predicted: CountsSheet) {
        status = .ok
        let keys = Set(truth.rows.keys).union(predicted.rows.keys).sorted()
        rows = keys.count
        for key in keys {
            let t = truth.rows[key]
            let p = predicted.rows[key]
            let tc = t ?? CountsSheet.Cells()
            let pc = p ?? CountsSheet.Cells()
            truthTotal += tc.communications + tc.withDetainer
            let error = abs(tc.communications - pc.communications) + abs(tc.withDetainer - pc.withDetainer)
            absoluteError += error
            if error > 0 || (t == nil) != (p == nil) { diffs.append(RowDiff(key: key, truth: t, predicted: p)) }
        }
    }
}
