import Foundation
import Publication
import Redaction

/// The app's state: the run's private files as read, the decisions log, the page images
/// rendered so far, and the publish action. Answers are JSON for the page's script.
actor ReviewState {
    let privateDir: String
    let reviewer: String
    let sources: [String: String]
    let publish: @Sendable () async throws -> String
    let log: DecisionLog
    private var data: ReviewData
    private var images: [String: Data] = [:]
    /// Decisions made since the app started or last published.
    private var unpublished = 0
    private var lastPublish: String?

    /// Page images are drawn at this resolution (the publication copy's).
    static let dpi = 150

    init(
        privateDir: String, reviewer: String, sources: [String: String],
        publish: @escaping @Sendable () async throws -> String
    ) throws {
        self.privateDir = privateDir
        self.reviewer = reviewer
        self.sources = sources
        self.publish = publish
        log = DecisionLog(path: privateDir + "/decisions.jsonl")
        data = try ReviewData.load(privateDir: privateDir)
    }

    private var documentSet: Set<String> { Set(data.documents.map(\.path)) }

    // MARK: - Queue

    func queue() -> Data {
        let decisions = log.decisions()
        var items: [[String: Any]] = []
        var seen: Set<String> = []
        for item in data.items {
            let folded = ReviewDecisions.fold(item.text)
            seen.insert(item.path + "\u{1F}" + folded)
            items.append(itemJSON(item, status: status(item.path, folded, decisions)))
        }
        // Redactions added since the last publish: not in the audit yet.
        for (path, additions) in decisions.added.sorted(by: { $0.key < $1.key }) {
            for a in additions where !seen.contains(path + "\u{1F}" + ReviewDecisions.fold(a.text)) {
                let pages = (data.pages[path] ?? [:]).filter { !ReviewData.boxes(of: a.text, in: $0.value).isEmpty }
                    .keys.sorted()
                let item = ReviewData.Item(
                    id: data.items.count + items.count, path: path, text: a.text, type: a.type.rawValue,
                    rules: [ReviewDecisions.addedRule], placeholder: a.type.placeholder, confidence: 1, pages: pages,
                    mentions: 0, origin: "added")
                items.append(itemJSON(item, status: "added"))
            }
        }
        var documents: [[String: Any]] = []
        for d in data.documents {
            let mine = items.filter { $0["path"] as? String == d.path }
            let reviewed = mine.filter { $0["status"] is String }.count
            documents.append([
                "path": d.path, "pages": d.pages, "reviewed": reviewed, "left": mine.count - reviewed,
                "withheld": decisions.withheld(in: d.path).sorted(),
            ])
        }
        return ReviewState.json([
            "items": items, "documents": documents, "types": PIIType.allCases.map(\.rawValue), "reviewer": reviewer,
            "unpublished": unpublished, "last_publish": lastPublish ?? NSNull(),
        ])
    }

    private func status(_ path: String, _ folded: String, _ d: ReviewDecisions) -> String? {
        guard d.reviewed[path]?.contains(folded) ?? false else { return nil }
        if d.removed[path]?.contains(folded) ?? false { return "removed" }
        if d.added[path]?.contains(where: { ReviewDecisions.fold($0.text) == folded }) ?? false { return "added" }
        return "kept"
    }

    private func itemJSON(_ i: ReviewData.Item, status: String?) -> [String: Any] {
        [
            "id": i.id, "path": i.path, "text": i.text, "type": i.type, "rules": i.rules, "placeholder": i.placeholder,
            "confidence": i.confidence, "pages": i.pages, "mentions": i.mentions, "origin": i.origin,
            "status": status ?? NSNull(),
        ]
    }

    // MARK: - Pages

    func page(document: String, number: Int) throws -> Data {
        guard let pages = data.pages[document], let page = pages[number] else { throw ReviewError("no such page") }
        let decisions = log.decisions()
        var boxes: [[String: Any]] = []
        var shown: Set<String> = []
        for r in data.pageRedactions[document]?[number] ?? [] where r.rule != ReviewDecisions.boxRule {
            let folded = ReviewDecisions.fold(r.text)
            guard shown.insert(folded).inserted else { continue }
            let rects = ReviewData.boxes(of: r.text, in: page)
            boxes.append([
                "type": r.type, "text": r.text, "rule": r.rule, "rects": rects,
                "status": status(document, folded, decisions) ?? NSNull(),
            ])
        }
        for a in decisions.allAdditions where shown.insert(ReviewDecisions.fold(a.text)).inserted {
            let rects = ReviewData.boxes(of: a.text, in: page)
            guard !rects.isEmpty else { continue }
            boxes.append([
                "type": a.type.rawValue, "text": a.text, "rule": ReviewDecisions.addedRule, "rects": rects,
                "status": "added",
            ])
        }
        for area in decisions.areas[document]?[number] ?? [] {
            boxes.append([
                "type": "other_identifier", "text": "", "rule": ReviewDecisions.boxRule,
                "rects": area.boxes.map { [$0.x0, $0.y0, $0.x1, $0.y1] }, "status": "added",
                "id": area.id ?? NSNull(),
            ])
        }
        var withheld: Any = NSNull()
        if let id = decisions.withheldPages[document]?[number] { withheld = ["id": id] }
        return ReviewState.json([
            "path": document, "page": number, "pages": pages.keys.max() ?? number, "width": page.width,
            "height": page.height, "words": page.words.map { [$0.0, $0.1, $0.2, $0.3, $0.4] }, "boxes": boxes,
            "withheld": withheld,
        ])
    }

    /// The page drawn from the source PDF, rendered the first time it is asked for.
    func image(document: String, number: Int) async throws -> Data {
        let key = document + "\u{1F}\(number)"
        if let cached = images[key] { return cached }
        guard let source = sources[document], data.pages[document]?[number] != nil else {
            throw ReviewError("no such page")
        }
        let jpeg = try await withCheckedThrowingContinuation { (c: CheckedContinuation<Data, any Error>) in
            DispatchQueue.global().async {
                do {
                    c.resume(returning: try PagePreview.jpeg(source: source, page: number, dpi: ReviewState.dpi))
                } catch {
                    c.resume(throwing: ReviewError("\(error)"))
                }
            }
        }
        images[key] = jpeg
        return jpeg
    }

    // MARK: - Persons

    func persons() -> Data {
        let decisions = log.decisions()
        var list: [[String: Any]] = []
        for p in data.persons {
            var mentions: [[String: Any]] = []
            var seen: Set<String> = []
            for (path, page, text) in p.tag.flatMap({ data.mentionsByTag[$0] }) ?? [] {
                guard seen.insert("\(path)|\(page ?? 0)|\(text)").inserted else { continue }
                mentions.append(["path": path, "page": page ?? NSNull(), "text": text])
            }
            var decided: Any = NSNull()
            if decisions.officials.contains(p.identity) { decided = "official" }
            if decisions.privates.contains(p.identity) { decided = "private" }
            let into = decisions.canonical(p.identity)
            list.append([
                "identity": p.identity, "status": p.status, "tag": p.tag ?? NSNull(), "names": p.names,
                "rules": p.rules, "documents": p.documents, "mentions": mentions, "decided": decided,
                "joined_into": into == p.identity ? NSNull() : into,
            ])
        }
        let joins = decisions.joined.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }
        return ReviewState.json(["persons": list, "joins": joins])
    }

    // MARK: - Decisions and publishing

    func decide(_ body: Data) throws -> Data {
        guard let body = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw ReviewError("the body is not a JSON object")
        }
        let undoable = body["decision"] as? String == "undo" ? log.undoableIDs() : []
        let line = try DecisionLog.line(from: body, reviewer: reviewer, documents: documentSet, undoable: undoable)
        try log.append(line)
        unpublished += 1
        return ReviewState.json(["ok": true, "unpublished": unpublished])
    }

    func publishNow() async throws -> Data {
        let summary = try await publish()
        data = try ReviewData.load(privateDir: privateDir)
        unpublished = 0
        lastPublish = summary
        return ReviewState.json(["ok": true, "summary": summary])
    }

    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
