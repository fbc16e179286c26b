import FoiaCore
import Foundation
import Rules

/// Splits a document's pages into communications: one per top-level printed message, with
/// the pages that follow it, and a `document` communication for pages before the first one.
///
/// A header block starts a top-level message when
/// - the mailbox owner's name line stands above it (first line of a page, or set larger than
///   the text around it when two short messages share a page), or
/// - it is the first thing on a page, the page is not numbered as a later page of a printout,
///   the previous page did not end on a quote separator, and the sender is not written the
///   quoting way (`Name [mailto:…]`).
/// Every other header block is a quoted or forwarded message inside the current one. The
/// stage is pure: it reads `ExtractedDocument` and touches no files.
public struct Segmenter: Sendable {
    let labels: HeaderLabels
    let blocks: HeaderBlockReader
    let web: WebPrintoutReader
    let normaliser: HeaderNormaliser
    let furniture: PageFurniture
    /// What each line is by its text: header line, quote separator, attribution, title.
    public let lineRoles: LineRoleReader
    /// Signatures, disclaimers and form lines inside bodies.
    let structure: BodyStructure

    public init(config: SegmentationConfig) {
        lineRoles = LineRoleReader(config: config)
        labels = lineRoles.labels
        blocks = HeaderBlockReader(labels: labels)
        web = WebPrintoutReader(labels: labels)
        normaliser = HeaderNormaliser(dates: SentDateParser(timeZone: config.timeZone))
        furniture = PageFurniture(furniturePatterns: config.furniture, batesPatterns: config.bates)
        structure = BodyStructure(config: config)
    }

    /// The role of each printed line of a page (its words split at `endsLine`, as
    /// `PageText.joinedText` prints them), read from the text of each line, for the stages that
    /// read whole pages (the redacted PDF): header lines, the owner's name line over them, the
    /// furniture the page shows on its own (page numbers, stamps, configured banners; repeated
    /// lines and Bates series need the whole document), signatures, disclaimers and form lines.
    public func roles(of page: PageText) -> [LineRole] {
        let texts = PageText.joinedText(page.words).split(separator: "\n", omittingEmptySubsequences: false)
            .map { PrintedLine.trim(String($0)) }
        var out = lineRoles.roles(of: texts)
        // The mailbox owner's name line on top of a printout, over its header.
        if let first = texts.firstIndex(where: { !$0.isEmpty }), out[first].kind == .body, isNameLine(texts[first]),
            out[(first + 1)..<min(out.count, first + 4)].contains(where: { $0.kind == .header })
        {
            out[first] = LineRole(.owner)
        }
        for i in furniture.marginFurniture(texts) where out[i].kind == .body { out[i] = LineRole(.furniture) }
        structure.mark(&out, texts: texts, pages: nil)
        return out
    }

    public func segment(_ doc: ExtractedDocument) -> [Communication] {
        var all: [PrintedLine] = []
        for page in doc.pages { all += PrintedLine.lines(of: page) }
        let (bates, printoutPage) = furniture.mark(&all, pageCount: doc.pages.count)
        let content = all.filter { !$0.isFurniture && !$0.trimmed.isEmpty }
        let pageNumbers = doc.pages.map(\.number)
        let lastPage = pageNumbers.last ?? 1
        let ocrPages = Set(doc.pages.filter { $0.source == .ocr }.map(\.number))
        let pageHeights = medianHeights(content)
        let owners = ownerNames(content)

        // Header blocks, and how each could start a message.
        var found: [(block: HeaderBlock, start: StartKind)] = []
        var i = 0
        var floor = -1
        while i < content.count {
            // A web mail printout (Gmail, Outlook Web App) on top of its page.
            if isFirstOnPage(i, content), let block = web.block(at: i, in: content) {
                found.append((block, .pageTop(i, confirmed: true)))
                floor = block.end - 1
                i = block.end
                continue
            }
            guard let block = blocks.block(at: i, in: content, floor: floor),
                block.isMessageHeader || isSubjectOnlyPrintout(i, content)
            else {
                i += 1
                continue
            }
            floor = block.end - 1
            found.append(
                (block, startKind(of: block, in: content, printoutPage: printoutPage, heights: pageHeights, owners: owners)))
            i = max(block.end, i + 1)
        }
        // A dump printed with the owner's name line on top of each printout marks every
        // message that way; there, a header block at the top of a page without it is a quoted
        // message that happens to start a page. Dumps printed without owner lines fall back to
        // "a header on top of a page starts a message".
        let ownerStyle = found.contains { if case .ownerLine(_, atPageTop: true) = $0.start { return true } else { return false } }
        var topLevel: [(block: HeaderBlock, topLevelStart: Int?)] = found.map { f in
            switch f.start {
            case .ownerLine(let line, _): return (f.block, line)
            case .pageTop(let line, let confirmed): return (f.block, ownerStyle && !confirmed ? nil : line)
            case .quoted: return (f.block, nil)
            }
        }
        // The first message of a file starts it even when nothing marks it as a printout.
        if let firstIndex = topLevel.indices.first, topLevel[firstIndex].topLevelStart == nil,
            !topLevel[firstIndex].block.hasMailto,
            !precededBySeparator(topLevel[firstIndex].block.start, content)
        {
            // A title line or two above it on the same page belongs to the message.
            var start = topLevel[firstIndex].block.start
            let page = content[start].page
            while start > 0, content[start - 1].page == page, topLevel[firstIndex].block.start - start < 2 { start -= 1 }
            topLevel[firstIndex].topLevelStart = isFirstOnPage(start, content) ? start : topLevel[firstIndex].block.start
        }

        let starts = topLevel.compactMap { f in f.topLevelStart.map { (line: $0, block: f.block) } }
        var result: [Communication] = []
        /// Where each communication begins on the page, to attribute boxes and codes.
        var origins: [(page: Int, top: Double)] = []
        // Pages before the first message.
        let firstStart = starts.first?.line ?? content.count
        if starts.isEmpty || content.isEmpty || content[firstStart].page > (pageNumbers.first ?? 1) || firstStart > 0 {
            let endPage: Int
            if let s = starts.first {
                endPage = isFirstOnPage(s.line, content) ? content[s.line].page - 1 : content[s.line].page
            } else {
                endPage = lastPage
            }
            let startPage = pageNumbers.first ?? 1
            if endPage >= startPage {
                let body = content[0..<firstStart].map(\.trimmed).joined(separator: "\n")
                origins.append((startPage, -Double.infinity))
                result.append(
                    make(
                        doc, kind: .document, pages: startPage...endPage, lineStart: 0, header: MessageHeader(),
                        quoted: [], body: body, bates: bates, ocrPages: ocrPages))
                result[result.count - 1].bodyLinePages = content[0..<firstStart].map(\.page)
                result[result.count - 1].bodyLineRoles = bodyRoles(content[0..<firstStart], blocks: [])
            }
        }
        for (n, s) in starts.enumerated() {
            let nextLine = n + 1 < starts.count ? starts[n + 1].line : content.count
            let startPage = content[s.line].page
            let endPage: Int
            if n + 1 < starts.count {
                endPage = isFirstOnPage(nextLine, content) ? content[nextLine].page - 1 : content[nextLine].page
            } else {
                endPage = lastPage
            }
            let bodyLines = content[min(s.block.end, nextLine)..<nextLine]
            let quoted = topLevel.filter { $0.topLevelStart == nil && $0.block.start >= s.block.end && $0.block.start < nextLine }
                .map { normaliser.quoted($0.block) } + wroteLines(bodyLines)
            let ordered = orderQuoted(quoted, in: bodyLines)
            origins.append((startPage, content[s.line].top - 1))
            result.append(
                make(
                    doc, kind: .email, pages: startPage...max(startPage, endPage), lineStart: content[s.line].index,
                    header: normaliser.header(s.block), quoted: ordered,
                    body: bodyLines.map(\.trimmed).joined(separator: "\n"), bates: bates, ocrPages: ocrPages))
            result[result.count - 1].bodyLinePages = bodyLines.map(\.page)
            result[result.count - 1].bodyLineRoles = bodyRoles(
                bodyLines, blocks: topLevel.filter { $0.topLevelStart == nil }.map(\.block))
        }
        attributeExistingRedactions(&result, origins: origins, doc: doc, lines: all)
        return result
    }

    /// Gives each communication the agency's boxes and exemption codes printed within it: a
    /// box or code belongs to the last communication that began above it.
    private func attributeExistingRedactions(
        _ result: inout [Communication], origins: [(page: Int, top: Double)], doc: ExtractedDocument, lines: [PrintedLine]
    ) {
        guard !result.isEmpty else { return }
        func owner(_ page: Int, _ y: Double) -> Int? {
            origins.lastIndex { $0.page < page || ($0.page == page && $0.top <= y) }
        }
        var codes = [[String]](repeating: [], count: result.count)
        for line in lines {
            let found = ExemptionCodes.find(in: line.text)
            guard !found.isEmpty, let k = owner(line.page, line.top) else { continue }
            for c in found where !codes[k].contains(c) { codes[k].append(c) }
        }
        for page in doc.pages {
            for box in page.redactionBoxes {
                if let k = owner(page.number, box.y0) { result[k].existingRedactions.boxes += 1 }
            }
        }
        // Codes count where they label boxes; a cover letter citing exemptions has none.
        for k in result.indices where result[k].existingRedactions.boxes > 0 {
            result[k].existingRedactions.codes = codes[k]
        }
    }

    // MARK: - Top-level or quoted

    enum StartKind {
        /// The owner's name line at `line` stands above the block.
        case ownerLine(Int, atPageTop: Bool)
        /// The block is the first thing on its page, or follows at most two title lines there;
        /// `confirmed` when the page is numbered 1 at its foot or a title line repeats the subject.
        case pageTop(Int, confirmed: Bool)
        case quoted
    }

    private func startKind(
        of block: HeaderBlock, in content: [PrintedLine], printoutPage: [Int: Int], heights: [Int: Double],
        owners: Set<String>
    ) -> StartKind {
        if block.hasMailto { return .quoted }
        let start = block.start
        // The owner line, possibly with OCR's reading of the rule under it (`1 eT`) between.
        var above = start - 1
        if above > 0, content[above].page == content[start].page, content[above].trimmed.count <= 5,
            labels.parse(content[above].text) == nil
        {
            above -= 1
        }
        for candidate in Set([start - 1, above]).sorted(by: >) where candidate >= 0 {
            if isOwnerLine(candidate, content, heights: heights, owners: owners),
                !precededBySeparator(candidate, content)
            {
                return .ownerLine(candidate, atPageTop: isFirstOnPage(candidate, content))
            }
        }
        if isFirstOnPage(start, content) {
            if let n = printoutPage[content[start].page], n > 1 { return .quoted }
            if precededBySeparator(start, content) { return .quoted }
            return .pageTop(start, confirmed: printoutPage[content[start].page] == 1)
        }
        // A printout titled with its subject (as browsers and some mail clients print) has the
        // title line, then the header block, on top of its page.
        let page = content[start].page
        var top = start
        while top > 0 && content[top - 1].page == page && start - top < 2 { top -= 1 }
        if isFirstOnPage(top, content) && top < start {
            let titles = content[top..<start]
            guard titles.allSatisfy({ labels.parse($0.text) == nil && !isSeparator($0.trimmed) }) else { return .quoted }
            if let n = printoutPage[page], n > 1 { return .quoted }
            let subject = Self.alnum(block.fields[.subject] ?? "")
            let titled = !subject.isEmpty && titles.contains { editDistanceAtMost2(Self.alnum($0.trimmed), subject) }
            if titled || printoutPage[page] == 1 { return .pageTop(top, confirmed: true) }
        }
        return .quoted
    }

    /// The mailbox owner's name printed above a message.
    ///
    /// On top of a page, a short name line over a header block. Inside a page (two short
    /// messages printed on one page), only a line reading as one of the dump's owner names
    /// seen on top of pages, or, in dumps with none, a name line set larger than the text
    /// around it: a signature's name above a quoted header must not start a message.
    private func isOwnerLine(_ i: Int, _ content: [PrintedLine], heights: [Int: Double], owners: Set<String>) -> Bool {
        let line = content[i]
        guard isNameLine(line.trimmed) else { return false }
        if isFirstOnPage(i, content) { return true }
        if !owners.isEmpty {
            let folded = Self.foldName(line.trimmed)
            return owners.contains { editDistanceAtMost2(folded, $0) }
        }
        let median = heights[line.page] ?? line.height
        return line.height >= median * 1.15
    }

    /// A display name: two to six words of letters (or one with a comma), no label.
    private func isNameLine(_ raw: String) -> Bool {
        // OCR adds quote marks and bars at the edges of a bold name line (`‘McCarthy, John`).
        let text = raw.trimmingCharacters(in: Segmenter.edgeNoise)
        guard text.count <= 60, labels.parse(text) == nil, !isSeparator(text) else { return false }
        let words = text.split(separator: " ")
        guard (1...6).contains(words.count), words.count >= 2 || text.contains(","), text.contains(where: \.isLetter)
        else { return false }
        if text.hasSuffix(":") { return false }
        return text.allSatisfy { $0.isLetter || " ,;.-'’()".contains($0) }
    }

    /// Owner names printed on top of pages above a header block.
    private func ownerNames(_ content: [PrintedLine]) -> Set<String> {
        var names = Set<String>()
        for i in content.indices where isFirstOnPage(i, content) && i + 1 < content.count {
            // A header line right below, or a little lower when OCR lost the first labels.
            let below = (i + 1)..<min(content.count, i + 4)
            guard content[i + 1].page == content[i].page, isNameLine(content[i].trimmed),
                below.contains(where: { content[$0].page == content[i].page && labels.parse(content[$0].text) != nil })
            else { continue }
            names.insert(Self.foldName(content[i].trimmed))
        }
        return names
    }

    /// Letters and digits only, lower-cased: titles and subjects differ in OCR'd dashes and quotes.
    static func alnum(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }

    static let edgeNoise = CharacterSet(charactersIn: " ‘’'\"“”|`,-_~*:;.»«©®°¢")

    static func foldName(_ s: String) -> String { String(s.lowercased().filter(\.isLetter)) }

    private func editDistanceAtMost2(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard abs(a.count - b.count) <= 2 else { return false }
        let a = Array(a)
        let b = Array(b)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            cur[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count] <= 2
    }

    private func isFirstOnPage(_ i: Int, _ content: [PrintedLine]) -> Bool {
        i == 0 || content[i - 1].page != content[i].page
    }

    /// True when the content line before `i` opens a quoted or forwarded message there.
    ///
    /// An `On …, X wrote:` line opens quoted text, not a header block: a header block right
    /// after it (on top of the next page) is another printout, unless it is itself quoted
    /// with `>`.
    private func precededBySeparator(_ i: Int, _ content: [PrintedLine]) -> Bool {
        guard i > 0 else { return false }
        let above = content[i - 1].trimmed
        if isWroteLine(above) { return content[i].trimmed.hasPrefix(">") }
        return isSeparator(above)
    }

    private func isWroteLine(_ text: String) -> Bool { LineRoleReader.isWroteLine(text) }

    func isSeparator(_ text: String) -> Bool { lineRoles.isSeparator(text) }

    /// One Chicago printout has only a `Subject:` line (the rest blacked out): a Subject line
    /// right under an owner line on top of a page starts a printout too.
    private func isSubjectOnlyPrintout(_ i: Int, _ content: [PrintedLine]) -> Bool {
        guard i > 0, let parsed = labels.parse(content[i].text), parsed.field == .subject else { return false }
        return isFirstOnPage(i - 1, content) && i - 1 >= 0 && labels.parse(content[i - 1].text) == nil
            && content[i - 1].trimmed.split(separator: " ").count <= 6
            && content[i - 1].trimmed.allSatisfy { $0.isLetter || " ,.-'’".contains($0) }
    }

    // MARK: - Quoted messages written as a sentence

    /// `On Tue, May 9, 2017 at 3:01 PM, Name <a@b> wrote:`, possibly wrapped over two lines.
    private func wroteLines(_ lines: ArraySlice<PrintedLine>) -> [QuotedHeader] {
        var out: [QuotedHeader] = []
        let arr = Array(lines)
        for (k, line) in arr.enumerated() {
            var text = line.trimmed
            guard text.lowercased().hasPrefix("on ") else { continue }
            if !text.lowercased().hasSuffix("wrote:"), k + 1 < arr.count, arr[k + 1].trimmed.lowercased().hasSuffix("wrote:") {
                text += " " + arr[k + 1].trimmed
            }
            guard text.lowercased().hasSuffix("wrote:") else { continue }
            var inner = String(text.dropFirst(3).dropLast(6)).trimmingCharacters(in: .whitespaces)
            // The sender follows the last comma after the time ("…, 3:01 PM, Name <a@b>").
            var from: String?
            if let m = firstMatch(#"(?i)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{3}\b)?,?\s+(.+)$"#, inner)
            {
                from = m[1].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
                if let r = inner.range(of: m[1], options: .backwards) { inner = String(inner[..<r.lowerBound]) }
            }
            out.append(QuotedHeader(from: from, sent: normaliser.dates.normalise(inner), subject: nil))
        }
        return out
    }

    /// Quoted messages in the order they are printed (header blocks and `wrote:` lines mixed).
    private func orderQuoted(_ quoted: [QuotedHeader], in lines: ArraySlice<PrintedLine>) -> [QuotedHeader] {
        // Header blocks and wrote-lines were collected separately; order by where their sender
        // first appears in the body.
        let body = lines.map(\.trimmed).joined(separator: "\n")
        return quoted.enumerated().sorted { a, b in
            let pa = position(of: a.element, in: body) ?? Int.max
            let pb = position(of: b.element, in: body) ?? Int.max
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
    }

    private func position(of q: QuotedHeader, in body: String) -> Int? {
        guard let from = q.from, let r = body.range(of: from) else { return nil }
        return body.distance(from: body.startIndex, to: r.lowerBound)
    }

    // MARK: - Roles

    /// The roles of a communication's body lines: each line's own role, with the lines of the
    /// quoted header blocks inside it (wrapped `To:` lists and lines whose label OCR lost
    /// included) as quoted header lines of their field. Every header line in a body is quoted.
    private func bodyRoles(_ lines: ArraySlice<PrintedLine>, blocks: [HeaderBlock]) -> [LineRole] {
        let texts = lines.map(\.trimmed)
        var out = lineRoles.roles(of: texts)
        for k in out.indices where out[k].kind == .header { out[k].kind = .quotedHeader }
        for block in blocks {
            var field: HeaderField = .from
            for i in block.start..<block.end where lines.indices.contains(i) {
                let k = i - lines.startIndex
                if out[k].isHeader, let f = out[k].field {
                    field = f
                } else if !lines[i].isFurniture {
                    out[k] = LineRole(.quotedHeader, field: field)
                }
            }
        }
        structure.mark(&out, texts: texts, pages: lines.map(\.page))
        return out
    }

    /// The roles of a body's lines read from their text alone (a body's header lines are
    /// quoted messages'), for a body that did not come from `segment(_:)`.
    public func roles(ofBody lines: [String]) -> [LineRole] {
        var out = lineRoles.roles(of: lines)
        for k in out.indices where out[k].kind == .header { out[k].kind = .quotedHeader }
        structure.mark(&out, texts: lines.map { PrintedLine.trim($0) }, pages: nil)
        return out
    }

    // MARK: - Records

    private func medianHeights(_ content: [PrintedLine]) -> [Int: Double] {
        var byPage: [Int: [Double]] = [:]
        for l in content { byPage[l.page, default: []].append(l.height) }
        return byPage.mapValues { hs in
            let s = hs.sorted()
            return s[s.count / 2]
        }
    }

    private func make(
        _ doc: ExtractedDocument, kind: Communication.Kind, pages: ClosedRange<Int>, lineStart: Int,
        header: MessageHeader, quoted: [QuotedHeader], body: String, bates: [Int: String], ocrPages: Set<Int>
    ) -> Communication {
        let batesValues = pages.compactMap { bates[$0] }
        let id = String(sha256Hex(of: "\(doc.sha256):\(doc.input.relativePath):\(pages.lowerBound):\(lineStart)").prefix(16))
        return Communication(
            id: id, kind: kind, path: doc.input.relativePath, sha256: doc.sha256, pageStart: pages.lowerBound,
            pageEnd: pages.upperBound, lineStart: lineStart, batesStart: batesValues.first, batesEnd: batesValues.last,
            ocr: pages.contains { ocrPages.contains($0) }, header: header, quoted: quoted, body: body,
            existingRedactions: ExistingRedactions(), duplicateOf: nil)
    }
}
