import Foundation

/// The rows of a `counts.csv`: (category, level) → (communications, with_detainer).
///
/// The contract's final `ALL,ALL,N,M` row is kept as an ordinary row with that key, so the
/// comparison treats the totals like any other cell.
///
/// The expected counts are computed here from the truth, independently of `Output`'s
/// `CountsTable` that writes the run's file: an oracle that shared the writer's code would
/// share its bugs.
package struct CountsSheet: Sendable, Equatable {
    package struct Key: Sendable, Hashable, Comparable {
        package var category: String
        package var level: String

        package init(_ category: String, _ level: String) {
            self.category = category
            self.level = level
        }

        package static let all = Key("ALL", "ALL")

        /// Sorted by category and level, with the ALL row last as in the file.
        package static func < (a: Key, b: Key) -> Bool {
            if (a == .all) != (b == .all) { return b == .all }
            return (a.category, a.level) < (b.category, b.level)
        }
    }

    package struct Cells: Sendable, Equatable {
        package var communications = 0
        package var withDetainer = 0

        package init(communications: Int = 0, withDetainer: Int = 0) {
            self.communications = communications
            self.withDetainer = withDetainer
        }
    }

    package var rows: [Key: Cells]

    package init(rows: [Key: Cells] = [:]) {
        self.rows = rows
    }

    package static let header = "category,level,communications,with_detainer"

    /// The counts the contract's rules give for the truth, or a reason they cannot be made.
    ///
    /// Every communication must label `offenses` (with levels) and `detainer`: a count made
    /// from partial labels would be a wrong truth, not a partial one.
    package static func expected(from truth: TruthSet) -> Result<CountsSheet, CountsUnavailable> {
        var table = CountsSheet()
        var total = Cells()
        for doc in truth.documents {
            for c in doc.communications {
                guard let offenses = c.offenses, let detainer = c.detainer else {
                    return .failure(
                        CountsUnavailable(
                            reason:
                                "\(doc.file) page \(c.pageStart): counts need 'offenses' and 'detainer' on every communication"
                        ))
                }
                if c.isDuplicate { continue }
                total.communications += 1
                if detainer.present { total.withDetainer += 1 }
                var keys = Set<Key>()
                for o in offenses {
                    guard let level = o.level else {
                        return .failure(
                            CountsUnavailable(
                                reason: "\(doc.file) page \(c.pageStart): offense '\(o.category)' has no level"))
                    }
                    keys.insert(Key(o.category, level))
                }
                for key in keys {
                    table.rows[key, default: Cells()].communications += 1
                    if detainer.present { table.rows[key, default: Cells()].withDetainer += 1 }
                }
            }
        }
        table.rows[.all] = total
        return .success(table)
    }

    /// Reads a `counts.csv`.
    ///
    /// - Throws: `EvaluationError` naming the file and line when the header is not the
    ///   contract's or a row is not `category,level,int,int`.
    package static func parse(_ text: String, file: String) throws -> CountsSheet {
        var table = CountsSheet()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        guard let first = lines.first, first == header else {
            throw EvaluationError("\(file):1: header must be exactly '\(header)' (CONTRACT.md)")
        }
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }
            guard cells.count == 4, let n = Int(cells[2]), let m = Int(cells[3]) else {
                throw EvaluationError("\(file):\(index + 1): expected 'category,level,communications,with_detainer'")
            }
            let key = Key(cells[0], cells[1])
            if table.rows[key] != nil {
                throw EvaluationError("\(file):\(index + 1): row \(cells[0]),\(cells[1]) appears twice")
            }
            table.rows[key] = Cells(communications: n, withDetainer: m)
        }
        return table
    }
}

/// Why the truth gives no expected counts.
package struct CountsUnavailable: Error, Sendable {
    package var reason: String
}
