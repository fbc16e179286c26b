import Foundation

/// Finds the lines that belong to the page rather than the message: Bates numbers, page
/// numbers, court filing stamps, FOIA banners and lines repeated at the top or foot of pages.
///
/// Only the page margins are searched (the first two and last four lines), because the same
/// words inside a message body are the message's own.
struct PageFurniture: Sendable {
    var furniturePatterns: [String]
    var batesPatterns: [String]

    static let margin = (top: 2, bottom: 4)

    static let pageNumber = #"^\s*(?:page\s*)?[-–]?\s*(\d{1,3})\s*[-–]?\s*(?:of\s+\d{1,3})?\s*$"#
    static let courtStamp = #"^\s*case\s+\S+\s+document\s+[\w-]+\s+filed\s+\S+\s+page\s+\d+\s+of\s+\d+"#

    /// Marks furniture lines in place and returns, per page, the Bates number and the page
    /// number of the printout printed in its margin.
    func mark(_ lines: inout [PrintedLine], pageCount: Int) -> (bates: [Int: String], printoutPage: [Int: Int]) {
        var bates: [Int: String] = [:]
        var printoutPage: [Int: Int] = [:]
        var byPage: [Int: [Int]] = [:]
        for (i, l) in lines.enumerated() where !l.trimmed.isEmpty { byPage[l.page, default: []].append(i) }

        // Lines repeated in the margins of many pages, digits folded (running headers and footers).
        var seen: [String: Set<Int>] = [:]
        for (page, idx) in byPage {
            for i in marginIndices(idx) { seen[PageFurniture.shape(lines[i].trimmed), default: []].insert(page) }
        }
        let repeatThreshold = max(3, Int(Double(byPage.count) * 0.3))

        bates = chooseBates(&lines, byPage: byPage)
        for (page, idx) in byPage {
            for i in marginIndices(idx) where !lines[i].isFurniture {
                let text = lines[i].trimmed
                let lower = text.lowercased()
                if let m = firstMatch(PageFurniture.pageNumber, lower) {
                    lines[i].isFurniture = true
                    if let n = Int(m[1]), printoutPage[page] == nil { printoutPage[page] = n }
                    continue
                }
                if firstMatch(PageFurniture.courtStamp, lower) != nil || matchesFurniture(text) {
                    lines[i].isFurniture = true
                    continue
                }
                let shape = PageFurniture.shape(text)
                if shape.count >= 6, (seen[shape]?.count ?? 0) >= repeatThreshold, !looksLikeHeaderOrName(text) {
                    lines[i].isFurniture = true
                }
            }
            // Configured banners anywhere on the page (FOIA stamps can sit mid-page on scans), and
            // OCR debris: a rule or a speck read as `[a "` or `|` has at most one letter or digit.
            for i in idx where !lines[i].isFurniture {
                let text = lines[i].trimmed
                if matchesFurniture(text) || text.filter({ $0.isLetter || $0.isNumber }).count <= 1 {
                    lines[i].isFurniture = true
                }
            }
        }
        return (bates, printoutPage)
    }

    /// Picks each page's Bates number among the margin candidates.
    ///
    /// A release stamps one series (`BPD-ICE 000123`, `BPD-ICE 000124` …), so when several pages
    /// carry candidates of one prefix, only that prefix is taken: a licence or record number
    /// at the foot of a printout (`MA99003749`) is a private identifier, not a Bates number,
    /// and must not be published as one. A `Bates No.` label always wins.
    private func chooseBates(_ lines: inout [PrintedLine], byPage: [Int: [Int]]) -> [Int: String] {
        var candidates: [(page: Int, line: Int, rank: Int, value: String, share: Double)] = []
        for (page, idx) in byPage {
            for i in marginIndices(idx) {
                let text = lines[i].trimmed
                guard let b = findBates(text) else { continue }
                candidates.append((page, i, b.rank, b.value, Double(b.value.count) / Double(max(1, text.count))))
            }
        }
        // A series counts up with the pages: two pages whose numbers differ by their page
        // distance. Two state IDs `MA13796748` and `MA43147678` on two pages share a prefix
        // but are no series.
        var runs: [String: (prefix: String, pages: Set<Int>)] = [:]
        for c in candidates where c.rank > 0 {
            guard let number = Self.trailingNumber(c.value) else { continue }
            let prefix = Self.batesPrefix(c.value)
            runs["\(prefix)|\(number - c.page)", default: (prefix, [])].pages.insert(c.page)
        }
        var prefixPages: [String: Set<Int>] = [:]
        for run in runs.values where run.pages.count >= 2 { prefixPages[run.prefix, default: []].formUnion(run.pages) }
        let series = prefixPages.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        var chosen: [Int: (rank: Int, value: String)] = [:]
        for c in candidates {
            let accepted: Bool
            if c.rank == 0 {
                accepted = true
            } else if let series {
                accepted = Self.batesPrefix(c.value) == series
            } else {
                // A lone candidate is a Bates number only when printed like one: a separator
                // before its digits or digits padded with zeros (`COB 000045`, `DHS000123`);
                // `MA34912394` at the foot of a scanned e-mail is a state ID.
                accepted = c.share >= 0.6 && Self.looksStamped(c.value)
            }
            guard accepted else { continue }
            lines[c.line].isFurniture = true
            if let old = chosen[c.page], old.rank <= c.rank { continue }
            chosen[c.page] = (c.rank, c.value)
        }
        return chosen.mapValues(\.value)
    }

    /// The digits the value ends with (`BPD-ICE 000123` → `000123`).
    static func trailingDigits(_ value: String) -> Substring {
        value.suffix(value.reversed().prefix { $0.isNumber }.count)
    }

    /// The number the value ends with (`BPD-ICE 000123` → 123).
    static func trailingNumber(_ value: String) -> Int? {
        Int(trailingDigits(value).suffix(12))
    }

    /// A separator before the final digits, or those digits padded with a zero.
    static func looksStamped(_ value: String) -> Bool {
        let digits = trailingDigits(value)
        let rest = value.dropLast(digits.count)
        return digits.first == "0" || rest.last.map { " -_".contains($0) } == true
    }

    /// The non-numeric part of a Bates number: `BPD-ICE 000123` → `BPD-ICE`.
    static func batesPrefix(_ value: String) -> String {
        String(value.reversed().drop { $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }.reversed()).uppercased()
    }

    private func marginIndices(_ idx: [Int]) -> [Int] {
        let top = idx.prefix(PageFurniture.margin.top)
        let bottom = idx.suffix(PageFurniture.margin.bottom)
        var out = Array(top)
        for i in bottom where !out.contains(i) { out.append(i) }
        return out
    }

    /// The Bates number on a margin line and the rank of the pattern that found it.
    func findBates(_ text: String) -> (rank: Int, value: String)? {
        for (rank, pattern) in batesPatterns.enumerated() {
            guard let m = firstMatchCaseSensitive(pattern, text) else { continue }
            let value = (m.count > 1 && !m[1].isEmpty ? m[1] : m[0]).trimmingCharacters(in: .whitespaces)
            // A phone number, a date or a state and ZIP code ("AR 72201") is not a Bates number.
            let digits = value.filter(\.isNumber).count
            if digits >= 5 && firstMatchCaseSensitive(#"^[A-Z]{2}[ ,]+\d{5}(-\d{4})?$"#, value) == nil {
                return (rank, value)
            }
        }
        return nil
    }

    /// Furniture a page shows on its own, without the rest of the document: a page number
    /// (`Page 2 of 5`), a court filing stamp or a configured banner, in the page's margins
    /// (`lines` are the page's printed lines; empty lines count for no margin line).
    func marginFurniture(_ lines: [String]) -> Set<Int> {
        let idx = lines.indices.filter { !lines[$0].isEmpty }
        var out = Set<Int>()
        for i in marginIndices(Array(idx)) {
            let lower = lines[i].lowercased()
            if firstMatch(PageFurniture.pageNumber, lower) != nil || firstMatch(PageFurniture.courtStamp, lower) != nil
                || matchesFurniture(lines[i])
            {
                out.insert(i)
            }
        }
        for i in idx where matchesFurniture(lines[i]) { out.insert(i) }
        return out
    }

    private func matchesFurniture(_ raw: String) -> Bool {
        // Scans frame stamps with specks and box edges: `_ [RELEASED UNDER FOIA |`.
        let text = String(raw.drop { !$0.isLetter && !$0.isNumber })
        return furniturePatterns.contains { RegexCache.shared.regex($0, caseInsensitive: true)?.firstMatch(
            in: text, range: NSRange(text.startIndex..., in: text)) != nil }
    }

    /// A header line or a short name line repeats on every printout's first page; it is content.
    private func looksLikeHeaderOrName(_ text: String) -> Bool {
        if text.contains(":") { return true }
        let words = text.split(separator: " ")
        return words.count <= 5 && text.contains(",")
    }

    /// A line's letters only: running headers repeat with page numbers, and OCR reads their
    /// dashes and digits differently on every page.
    static func shape(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter })
    }
}

func firstMatchCaseSensitive(_ pattern: String, _ text: String) -> [String]? {
    guard let re = RegexCache.shared.regex(pattern),
        let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (0..<m.numberOfRanges).map { i in
        guard let r = Range(m.range(at: i), in: text) else { return "" }
        return String(text[r])
    }
}
