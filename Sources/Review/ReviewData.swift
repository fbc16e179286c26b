import Foundation
import Redaction

/// What the review app shows, read from a run's private files: the redactions to review
/// (`audit.jsonl`), the pages' words (`pages.jsonl`), the persons (`persons.jsonl`) and the
/// decisions made so far (`decisions.jsonl`).
///
/// Read once at start and again after every publish; decisions are folded in as they are
/// made. Nothing here reads a path that a request names: documents are looked up by their
/// relative path among those the run published.
struct ReviewData: Sendable {
    /// One line of the queue: a redacted string in one document (all its mentions there).
    struct Item: Sendable {
        var id: Int
        var path: String
        var text: String
        var type: String
        var rules: [String]
        var placeholder: String
        var confidence: Double
        var pages: [Int]
        var mentions: Int
        /// `added` for a redaction the reviewer added (not yet published or published).
        var origin: String
    }

    struct PageWords: Sendable {
        var width: Double
        var height: Double
        /// text, x0, y0, x1, y1 in points from the top left.
        var words: [(String, Double, Double, Double, Double)]
    }

    struct Person: Sendable {
        var identity: String
        var status: String
        var tag: String?
        var names: [String]
        var rules: [String]
        var documents: [String]
    }

    struct PageRedaction: Sendable {
        var type: String
        var text: String
        var rule: String
    }

    var items: [Item] = []
    /// Documents by relative path, with their page count, in run order.
    var documents: [(path: String, pages: Int)] = []
    var pages: [String: [Int: PageWords]] = [:]
    var persons: [Person] = []
    /// Audit lines of PDF pages (`field: page`), by document and page.
    var pageRedactions: [String: [Int: [PageRedaction]]] = [:]
    /// Audit mentions by placeholder: (path, page, original).
    var mentionsByTag: [String: [(String, Int?, String)]] = [:]

    static func load(privateDir: String) throws -> ReviewData {
        var data = ReviewData()
        try data.loadPages(privateDir + "/pages.jsonl")
        try data.loadAudit(privateDir + "/audit.jsonl")
        data.loadPersons(privateDir + "/persons.jsonl")
        return data
    }

    private static func lines(_ path: String) throws -> [[String: Any]] {
        guard let text = FileManager.default.contents(atPath: path) else {
            throw ReviewError("cannot read \(path); run `foiapipe run … --out DIR` first")
        }
        return text.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
    }

    private mutating func loadPages(_ path: String) throws {
        var order: [String] = []
        for o in try ReviewData.lines(path) {
            guard let doc = o["path"] as? String, let number = o["page"] as? Int else { continue }
            if pages[doc] == nil { order.append(doc) }
            var words: [(String, Double, Double, Double, Double)] = []
            for w in o["words"] as? [[Any]] ?? [] where w.count >= 5 {
                guard let t = w[0] as? String, let x0 = ReviewData.number(w[1]), let y0 = ReviewData.number(w[2]),
                    let x1 = ReviewData.number(w[3]), let y1 = ReviewData.number(w[4])
                else { continue }
                words.append((t, x0, y0, x1, y1))
            }
            pages[doc, default: [:]][number] = PageWords(
                width: ReviewData.number(o["width"]) ?? 612, height: ReviewData.number(o["height"]) ?? 792, words: words
            )
        }
        documents = order.map { ($0, pages[$0]?.keys.max() ?? 0) }
    }

    static func number(_ v: Any?) -> Double? {
        if let d = v as? Double { return d }
        if let i = v as? Int { return Double(i) }
        if let n = v as? NSNumber { return n.doubleValue }
        return nil
    }

    private mutating func loadAudit(_ path: String) throws {
        var index: [String: Int] = [:]
        for o in try ReviewData.lines(path) {
            guard let doc = o["path"] as? String, let original = o["original"] as? String else { continue }
            let type = o["type"] as? String ?? ""
            let rule = o["rule"] as? String ?? ""
            let page = o["page"] as? Int
            let placeholder = o["placeholder"] as? String ?? ""
            let confidence = ReviewData.number(o["confidence"]) ?? 1
            if o["field"] as? String == "page", let page {
                pageRedactions[doc, default: [:]][page, default: []].append(
                    PageRedaction(type: type, text: original, rule: rule))
            }
            mentionsByTag[placeholder, default: []].append((doc, page, original))
            // An area the reviewer drew and a page withheld are shown on their page, not queued.
            if rule == ReviewDecisions.boxRule || rule == ReviewDecisions.withheldRule { continue }
            let key = doc + "\u{1F}" + ReviewDecisions.fold(original)
            if let i = index[key] {
                items[i].mentions += 1
                items[i].confidence = min(items[i].confidence, confidence)
                if !items[i].rules.contains(rule) { items[i].rules.append(rule) }
                if let page, !items[i].pages.contains(page) { items[i].pages.append(page) }
            } else {
                index[key] = items.count
                items.append(
                    Item(
                        id: items.count, path: doc, text: original, type: type, rules: [rule], placeholder: placeholder,
                        confidence: confidence, pages: page.map { [$0] } ?? [], mentions: 1,
                        origin: rule == ReviewDecisions.addedRule ? "added" : "rule"))
            }
        }
        for i in items.indices { items[i].pages.sort() }
        // Least certain first; then in document order.
        let order = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.path, $0) })
        items.sort {
            ($0.confidence, order[$0.path] ?? 0, $0.pages.first ?? 0, $0.id)
                < ($1.confidence, order[$1.path] ?? 0, $1.pages.first ?? 0, $1.id)
        }
        for i in items.indices { items[i].id = i }
    }

    private mutating func loadPersons(_ path: String) {
        guard let list = try? ReviewData.lines(path) else { return }
        persons = list.compactMap { o in
            guard let identity = o["identity"] as? String else { return nil }
            return Person(
                identity: identity, status: o["status"] as? String ?? "private", tag: o["tag"] as? String,
                names: o["names"] as? [String] ?? [], rules: o["rules"] as? [String] ?? [],
                documents: o["documents"] as? [String] ?? [])
        }
    }

    /// The word runs of a page that spell `text` (punctuation and case aside).
    static func boxes(of text: String, in page: PageWords) -> [[Double]] {
        func clean(_ s: String) -> String {
            String(s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        }
        let tokens = text.split(whereSeparator: { $0.isWhitespace }).map { clean(String($0)) }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return [] }
        let words = page.words.map { clean($0.0) }
        var out: [[Double]] = []
        var i = 0
        while i + tokens.count <= words.count {
            var ok = true
            for (k, t) in tokens.enumerated() {
                let w = words[i + k]
                if !(w == t || (w.hasPrefix(t) && w.count <= t.count + 2)) {
                    ok = false
                    break
                }
            }
            if ok {
                for k in 0..<tokens.count {
                    let w = page.words[i + k]
                    out.append([w.1, w.2, w.3, w.4])
                }
                i += tokens.count
            } else {
                i += 1
            }
        }
        return out
    }
}

/// A problem that stops the review app from starting, with what to do.
public struct ReviewError: Error, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}
