import Foundation
import Output
import Redaction

/// `public/report.html`: the analyst's report, one self-contained file.
///
/// It takes `RedactedCommunication`s and nothing else, like the JSON writer, and keeps only
/// their ids, file names, page numbers and classification (no text). Charts are inline SVG,
/// each followed by a table of its numbers; every number links to the list of the ids behind
/// it, and every id to its line in the list of communications at the end. Nothing is fetched:
/// no script, no font, no image, no stylesheet outside the file. Counts follow `counts.csv`
/// (duplicates left out, see `CountsBreakdown`), so the two agree.
public struct AnalystReport: Sendable {
    private var records: [CountedRecord] = []

    public init() {}

    public mutating func add(_ r: RedactedCommunication) {
        records.append(CountedRecord(r))
    }

    public var count: Int { records.count }

    /// Writes the report to `path` atomically.
    public func write(to path: String, corpus: CorpusFacts) throws {
        let file = try AtomicFile(path: path)
        do {
            try file.write(html(corpus: corpus))
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    static let levelColors: [String: String] = [
        "felony": "#8c1c13", "misdemeanor": "#e07a1f", "civil": "#2a7f8f", "unknown": "#8a8a8a", "none": "#c9c9c9",
    ]

    public func html(corpus: CorpusFacts) -> String {
        var links = NumberLinks(allIDs: records.map(\.id))
        let entries = records.map(\.entry)
        var out = ""
        out.reserveCapacity(64 * 1024 + records.count * 600)
        out += Self.head
        out += "<header><h1>Communications, offenses and ICE detainers</h1>\n"
        out +=
            "<p class=\"lede\">Made by foiapipe from the redacted records of this release (<code>communications.jsonl</code>). "
        out +=
            "Charts count communications, leaving out duplicates (the same message printed again), as <code>counts.csv</code> does. "
        out += "Every number links to the ids of the communications behind it; the ids are listed at the end.</p>\n"
        out += "<nav><ol><li><a href=\"#minor\">Detainers over minor offenses</a></li>"
        out +=
            "<li><a href=\"#categories\">Offense categories</a></li><li><a href=\"#severity\">Most serious offense</a></li>"
        out +=
            "<li><a href=\"#timeline\">Per month</a></li><li><a href=\"#detainer-categories\">Offenses behind detainers</a></li>"
        out += "<li><a href=\"#corpus\">The release</a></li><li><a href=\"#numbers\">Ids behind each number</a></li>"
        out += "<li><a href=\"#communications\">Communications</a></li></ol></nav></header>\n<main>\n"

        // The question first (detainers over minor offenses), the release's facts last.
        let severities = severitySection(entries, links: &links)
        out += minorShareSection(severities.detainerBySeverity, links: &links)
        out += categorySection(entries, links: &links)
        out += severities.html
        out += timelineSection(entries, links: &links)
        out += detainerCategorySection(entries, links: &links)
        out += corpusSection(corpus, links: &links)
        out += links.groupsHTML()
        out += communicationsSection()
        out += "</main>\n<footer><p>foiapipe report. Categories and levels follow the pipeline's offense table; "
        out +=
            "a communication listing offenses at several levels counts once at each.</p></footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: sections

    private func corpusSection(_ corpus: CorpusFacts, links: inout NumberLinks) -> String {
        let duplicates = records.filter { $0.duplicateOf != nil }.map(\.id)
        let counted = records.filter { $0.duplicateOf == nil }
        let detainer = counted.filter(\.entry.detainer).map(\.id)
        let ocrShare = corpus.pages > 0 ? Double(corpus.ocrPages) / Double(corpus.pages) * 100 : 0
        var out =
            "<section id=\"corpus\"><h2>The release</h2>\n<table class=\"facts\"><caption>What the run read and published</caption><tbody>\n"
        out +=
            "<tr><th scope=\"row\">documents (PDF files)</th><td class=\"n\" data-key=\"corpus|documents\">\(corpus.documents)</td></tr>\n"
        out +=
            "<tr><th scope=\"row\">documents that failed (see errors.jsonl)</th><td class=\"n\" data-key=\"corpus|failed_documents\">\(corpus.failedDocuments)</td></tr>\n"
        out += "<tr><th scope=\"row\">pages</th><td class=\"n\" data-key=\"corpus|pages\">\(corpus.pages)</td></tr>\n"
        out +=
            "<tr><th scope=\"row\">pages read by OCR</th><td class=\"n\" data-key=\"corpus|ocr_pages\">\(corpus.ocrPages)"
        out += " <span class=\"share\">(\(String(format: "%.1f", ocrShare)) %)</span></td></tr>\n"
        out += "<tr><th scope=\"row\">communications published</th><td class=\"n\">"
        out +=
            links.number(records.map(\.id), label: "all communications published", key: "corpus|communications")
            + "</td></tr>\n"
        out += "<tr><th scope=\"row\">of them duplicates of an earlier one</th><td class=\"n\">"
        out += links.number(duplicates, label: "duplicates", key: "corpus|duplicates") + "</td></tr>\n"
        out += "<tr><th scope=\"row\">communications counted (duplicates left out)</th><td class=\"n\">"
        out +=
            links.number(counted.map(\.id), label: "communications counted", key: "total|communications")
            + "</td></tr>\n"
        out += "<tr><th scope=\"row\">of them with a detainer</th><td class=\"n\">"
        out +=
            links.number(detainer, label: "communications with a detainer", key: "total|with_detainer") + "</td></tr>\n"
        out += "</tbody></table>\n"

        var byType: [String: (spans: Int, ids: [String])] = [:]
        for r in records {
            for (type, n) in r.redactions where n > 0 {
                byType[type, default: (0, [])].spans += n
                byType[type, default: (0, [])].ids.append(r.id)
            }
        }
        out +=
            "<table><caption>Redactions by type (spans replaced by a placeholder, in all published communications)</caption>\n"
        out +=
            "<thead><tr><th scope=\"col\">type</th><th scope=\"col\" class=\"n\">spans</th><th scope=\"col\" class=\"n\">communications</th></tr></thead><tbody>\n"
        for (type, v) in byType.sorted(by: {
            $0.value.spans != $1.value.spans ? $0.value.spans > $1.value.spans : $0.key < $1.key
        }) {
            out += "<tr><th scope=\"row\">\(escape(type.replacingOccurrences(of: "_", with: " ")))</th>"
            out +=
                "<td class=\"n\">"
                + links.number(
                    v.ids, label: "redactions of type \(type)", key: "redactions|\(type)|spans", shown: v.spans)
                + "</td>"
            out +=
                "<td class=\"n\">"
                + links.number(
                    v.ids, label: "communications with redactions of type \(type)",
                    key: "redactions|\(type)|communications") + "</td></tr>\n"
        }
        if byType.isEmpty { out += "<tr><td colspan=\"3\">no redactions</td></tr>\n" }
        out += "</tbody></table></section>\n"
        return out
    }

    private func categorySection(_ entries: [CountsBreakdown.Entry], links: inout NumberLinks) -> String {
        let table = CountsBreakdown(entries, by: [.category, .level])
        let levels = Self.levelOrder(table.rows.map { $0.key[1] })
        let series = levels.map { SVGChart.Series(name: $0, color: Self.levelColors[$0] ?? "#666") }
        var byCategory: [String: [CountsBreakdown.Row]] = [:]
        for r in table.rows { byCategory[r.key[0], default: []].append(r) }
        // Most communications first: a communication listing a category at two levels once.
        let sizes = byCategory.mapValues { Set($0.flatMap(\.ids)).count }
        let order = byCategory.keys.sorted { a, b in
            let (na, nb) = (sizes[a, default: 0], sizes[b, default: 0])
            return na != nb ? na > nb : a < b
        }
        let rows = order.map { category -> SVGChart.Row in
            let rs = byCategory[category] ?? []
            func segments(_ value: (CountsBreakdown.Row) -> Int) -> [SVGChart.Segment] {
                rs.map { SVGChart.Segment(value: value($0), series: levels.firstIndex(of: $0.key[1]) ?? 0) }
                    .sorted { $0.series < $1.series }
            }
            return SVGChart.Row(
                label: Self.words(category),
                bars: [
                    SVGChart.Bar(label: "with a detainer", segments: segments(\.withDetainer)),
                    SVGChart.Bar(
                        label: "without", segments: segments { $0.communications - $0.withDetainer }, pale: true),
                ])
        }
        var out = "<section id=\"categories\"><h2>Communications per offense category</h2>\n"
        out += "<p>Each category has two bars: communications with a detainer, and (paler) those without; "
        out += "the colours split them by the offense's level.</p>\n<figure>"
        out += SVGChart.horizontal(
            id: "chart-categories", title: "Communications per offense category, by level, with and without a detainer",
            description: "Horizontal bars for \(rows.count) offense categories; the table below gives every number.",
            rows: rows, series: series, paleNote: "pale: without a detainer")
        out +=
            "<figcaption>Communications per offense category and level, with and without a detainer.</figcaption></figure>\n"
        out +=
            "<table><caption>Communications per offense category and level (the rows of counts.csv)</caption>\n<thead><tr>"
        out +=
            "<th scope=\"col\">offense category</th><th scope=\"col\">level</th><th scope=\"col\" class=\"n\">communications</th>"
        out +=
            "<th scope=\"col\" class=\"n\">with a detainer</th><th scope=\"col\" class=\"n\">without a detainer</th></tr></thead><tbody>\n"
        for r in table.rows {
            let (c, l) = (r.key[0], r.key[1])
            let name = "\(Self.words(c)), \(l)"
            let without = Self.minus(r.ids, r.detainerIDs)
            out += "<tr><th scope=\"row\">\(escape(Self.words(c)))</th><td>\(escape(l))</td><td class=\"n\">"
            out += links.number(r.ids, label: name, key: "offense|\(c)|\(l)|communications") + "</td><td class=\"n\">"
            out += links.number(
                r.detainerIDs, label: name + ", with a detainer", key: "offense|\(c)|\(l)|with_detainer")
            out +=
                "</td><td class=\"n\">"
                + links.number(without, label: name + ", without a detainer", key: "offense|\(c)|\(l)|without_detainer")
            out += "</td></tr>\n"
        }
        if table.rows.isEmpty { out += "<tr><td colspan=\"5\">no offenses found</td></tr>\n" }
        out +=
            "</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">all communications (with or without offenses)</th><td class=\"n\">"
        out +=
            links.number(table.ids, label: "communications counted", key: "all|communications")
            + "</td><td class=\"n\">"
        out +=
            links.number(table.detainerIDs, label: "communications with a detainer", key: "all|with_detainer")
            + "</td><td class=\"n\">"
        out += links.number(
            Self.minus(table.ids, table.detainerIDs), label: "communications without a detainer",
            key: "all|without_detainer")
        out += "</td></tr></tfoot></table></section>\n"
        return out
    }

    private func severitySection(_ entries: [CountsBreakdown.Entry], links: inout NumberLinks)
        -> (html: String, detainerBySeverity: [(String, [String])])
    {
        let counted = entries.filter { !$0.isDuplicate }
        let order = CountsBreakdown.severityOrder + ["none"]
        var ids: [String: [String]] = [:]
        var det: [String: [String]] = [:]
        for e in counted {
            ids[e.severity, default: []].append(e.id)
            if e.detainer { det[e.severity, default: []].append(e.id) }
        }
        let series = [
            SVGChart.Series(name: "with a detainer", color: "#3b4a8c"),
            SVGChart.Series(name: "without", color: "#aab3d6"),
        ]
        let rows = order.map { s in
            SVGChart.Row(
                label: s == "none" ? "no offense" : s,
                bars: [
                    SVGChart.Bar(
                        label: nil,
                        segments: [
                            SVGChart.Segment(value: det[s]?.count ?? 0, series: 0),
                            SVGChart.Segment(value: (ids[s]?.count ?? 0) - (det[s]?.count ?? 0), series: 1),
                        ])
                ])
        }
        var out = "<section id=\"severity\"><h2>Most serious offense</h2>\n"
        out +=
            "<p>Each communication counts once, at the level of its most serious offense (the record's <code>severity</code>).</p>\n<figure>"
        out += SVGChart.horizontal(
            id: "chart-severity", title: "Communications by their most serious offense, with and without a detainer",
            description: "Five stacked bars: felony, misdemeanor, civil, unknown level, no offense.", rows: rows,
            series: series)
        out += "<figcaption>Severity distribution.</figcaption></figure>\n"
        out +=
            "<table><caption>Communications by most serious offense</caption><thead><tr><th scope=\"col\">most serious offense</th>"
        out +=
            "<th scope=\"col\" class=\"n\">communications</th><th scope=\"col\" class=\"n\">with a detainer</th></tr></thead><tbody>\n"
        for s in order {
            let label = s == "none" ? "no offense" : s
            out += "<tr><th scope=\"row\">\(label)</th><td class=\"n\">"
            out += links.number(
                ids[s] ?? [], label: "most serious offense: \(label)", key: "severity|\(s)|communications")
            out += "</td><td class=\"n\">"
            out += links.number(
                det[s] ?? [], label: "most serious offense: \(label), with a detainer",
                key: "severity|\(s)|with_detainer")
            out += "</td></tr>\n"
        }
        out += "</tbody></table></section>\n"
        return (out, order.map { ($0, det[$0] ?? []) })
    }

    private func timelineSection(_ entries: [CountsBreakdown.Entry], links: inout NumberLinks) -> String {
        let table = CountsBreakdown(entries, by: [.month])
        let dated = table.rows.filter { $0.key[0] != CountsBreakdown.undated }
        let undated = table.rows.first { $0.key[0] == CountsBreakdown.undated }
        let months = Self.monthRange(dated.map { $0.key[0] })
        let byMonth = Dictionary(dated.map { ($0.key[0], $0) }) { a, _ in a }
        var out = "<section id=\"timeline\"><h2>Communications and detainers per month</h2>\n"
        out +=
            "<p>By the month the message was sent (<code>header.sent</code>, in the time zone it was printed in).</p>\n"
        if months.isEmpty {
            out += "<p>No communication has a readable date.</p>\n"
        } else {
            out += "<figure>"
            out += SVGChart.columns(
                id: "chart-timeline", title: "Communications and detainer communications per month",
                description:
                    "\(months.count) months from \(months.first ?? "") to \(months.last ?? ""); the table below gives every number.",
                labels: months,
                values: [
                    months.map { byMonth[$0]?.communications ?? 0 }, months.map { byMonth[$0]?.withDetainer ?? 0 },
                ],
                series: [
                    SVGChart.Series(name: "communications", color: "#9fb4c7"),
                    SVGChart.Series(name: "with a detainer", color: "#8c1c13"),
                ])
            out += "<figcaption>Timeline of communications and detainers.</figcaption></figure>\n"
        }
        out += "<table><caption>Communications per month</caption><thead><tr><th scope=\"col\">month</th>"
        out +=
            "<th scope=\"col\" class=\"n\">communications</th><th scope=\"col\" class=\"n\">with a detainer</th></tr></thead><tbody>\n"
        for m in months {
            let r = byMonth[m]
            out += "<tr><th scope=\"row\">\(m)</th><td class=\"n\">"
            out +=
                links.number(r?.ids ?? [], label: "sent in \(m)", key: "month|\(m)|communications")
                + "</td><td class=\"n\">"
            out += links.number(
                r?.detainerIDs ?? [], label: "sent in \(m), with a detainer", key: "month|\(m)|with_detainer")
            out += "</td></tr>\n"
        }
        if let undated {
            out += "<tr><th scope=\"row\">no date</th><td class=\"n\">"
            out +=
                links.number(undated.ids, label: "without a readable date", key: "month|undated|communications")
                + "</td><td class=\"n\">"
            out += links.number(
                undated.detainerIDs, label: "without a readable date, with a detainer",
                key: "month|undated|with_detainer")
            out += "</td></tr>\n"
        }
        out += "</tbody></table></section>\n"
        return out
    }

    private func minorShareSection(_ bySeverity: [(String, [String])], links: inout NumberLinks) -> String {
        let total = bySeverity.reduce(0) { $0 + $1.1.count }
        let minorIDs = bySeverity.filter { $0.0 == "misdemeanor" || $0.0 == "civil" }.flatMap(\.1)
        let allIDs = bySeverity.flatMap(\.1)
        let share = total > 0 ? Double(minorIDs.count) / Double(total) * 100 : 0
        var out = "<section id=\"minor\"><h2>Detainers over minor offenses</h2>\n"
        out += "<p class=\"headline\">"
        out += links.number(
            minorIDs, label: "detainer communications whose most serious offense is a misdemeanor or civil",
            key: "minor|communications")
        out +=
            " of " + links.number(allIDs, label: "communications with a detainer", key: "minor|detainer_communications")
        out +=
            " communications with a detainer (<span data-key=\"minor|percent\">\(String(format: "%.1f", share))</span> %) "
        out += "name no offense more serious than a misdemeanor or a civil matter.</p>\n"
        let series = bySeverity.map {
            SVGChart.Series(name: $0.0 == "none" ? "no offense" : $0.0, color: Self.levelColors[$0.0] ?? "#666")
        }
        out += "<figure>"
        out += SVGChart.horizontal(
            id: "chart-minor", title: "Communications with a detainer, by their most serious offense",
            description: "One bar split by the most serious offense of each communication with a detainer.",
            rows: [
                SVGChart.Row(
                    label: "with a detainer",
                    bars: [
                        SVGChart.Bar(
                            label: nil,
                            segments: bySeverity.indices.map {
                                SVGChart.Segment(value: bySeverity[$0].1.count, series: $0)
                            })
                    ])
            ], series: series)
        out +=
            "<figcaption>Share of detainer communications whose most serious offense is a misdemeanor or civil.</figcaption></figure>\n"
        out +=
            "<table><caption>Communications with a detainer, by most serious offense</caption><thead><tr><th scope=\"col\">most serious offense</th>"
        out +=
            "<th scope=\"col\" class=\"n\">communications with a detainer</th><th scope=\"col\" class=\"n\">share</th></tr></thead><tbody>\n"
        for (s, ids) in bySeverity {
            let label = s == "none" ? "no offense" : s
            out += "<tr><th scope=\"row\">\(label)</th><td class=\"n\">"
            out += links.number(ids, label: "with a detainer, most serious offense: \(label)", key: "minor|\(s)")
            out +=
                "</td><td class=\"n\">\(String(format: "%.1f", total > 0 ? Double(ids.count) / Double(total) * 100 : 0)) %</td></tr>\n"
        }
        out += "</tbody></table></section>\n"
        return out
    }

    private func detainerCategorySection(_ entries: [CountsBreakdown.Entry], links: inout NumberLinks) -> String {
        let table = CountsBreakdown(entries.filter(\.detainer), by: [.category])
        let top = table.rows.sorted { a, b in
            a.communications != b.communications ? a.communications > b.communications : a.key[0] < b.key[0]
        }
        .prefix(12)
        let total = table.total
        var out = "<section id=\"detainer-categories\"><h2>Offenses behind detainers</h2>\n"
        out +=
            "<p>The offense categories most often named in communications with a detainer (a communication naming several counts in each).</p>\n"
        if !top.isEmpty {
            out += "<figure>"
            out += SVGChart.horizontal(
                id: "chart-detainer-categories", title: "Top offense categories among communications with a detainer",
                description: "\(top.count) categories, most frequent first.",
                rows: top.map {
                    SVGChart.Row(
                        label: Self.words($0.key[0]),
                        bars: [
                            SVGChart.Bar(label: nil, segments: [SVGChart.Segment(value: $0.communications, series: 0)])
                        ])
                },
                series: [SVGChart.Series(name: "communications with a detainer", color: "#3b4a8c")])
            out += "<figcaption>Top offense categories among detainer communications.</figcaption></figure>\n"
        }
        out +=
            "<table><caption>Top offense categories among communications with a detainer</caption><thead><tr><th scope=\"col\">offense category</th>"
        out +=
            "<th scope=\"col\" class=\"n\">communications with a detainer</th><th scope=\"col\" class=\"n\">share of them</th></tr></thead><tbody>\n"
        for r in top {
            out += "<tr><th scope=\"row\">\(escape(Self.words(r.key[0])))</th><td class=\"n\">"
            out += links.number(
                r.ids, label: "\(Self.words(r.key[0])), with a detainer", key: "detainer_category|\(r.key[0])")
            out +=
                "</td><td class=\"n\">\(String(format: "%.1f", total > 0 ? Double(r.communications) / Double(total) * 100 : 0)) %</td></tr>\n"
        }
        if top.isEmpty { out += "<tr><td colspan=\"3\">no communication with a detainer names an offense</td></tr>\n" }
        out += "</tbody></table></section>\n"
        return out
    }

    private func communicationsSection() -> String {
        var out =
            "<section id=\"communications\"><h2>Communications</h2>\n<table class=\"list\"><caption>Every published communication, in the order of communications.jsonl</caption>\n"
        out +=
            "<thead><tr><th scope=\"col\">id</th><th scope=\"col\">file</th><th scope=\"col\">pages</th><th scope=\"col\">kind</th>"
        out += "<th scope=\"col\">month</th><th scope=\"col\">most serious offense</th><th scope=\"col\">detainer</th>"
        out += "<th scope=\"col\">offense categories</th><th scope=\"col\">duplicate of</th></tr></thead><tbody>\n"
        for r in records {
            out += "<tr id=\"c-\(escape(r.id))\"><td><code>\(escape(r.id))</code></td><td>\(escape(r.path))</td>"
            out +=
                "<td>\(r.pageStart == r.pageEnd ? "\(r.pageStart)" : "\(r.pageStart)–\(r.pageEnd)")</td><td>\(escape(r.kind))</td>"
            out +=
                "<td>\(escape(r.entry.month ?? ""))</td><td>\(r.entry.severity)</td><td>\(r.entry.detainer ? "yes" : "")</td>"
            var categories: [String] = []
            for o in r.entry.offenses where !categories.contains(o.category) { categories.append(o.category) }
            out += "<td>\(escape(categories.map(Self.words).joined(separator: ", ")))</td><td>"
            if let d = r.duplicateOf { out += "<a href=\"#c-\(escape(d))\"><code>\(escape(d))</code></a>" }
            out += "</td></tr>\n"
        }
        out += "</tbody></table></section>\n"
        return out
    }

    // MARK: helpers

    static func words(_ category: String) -> String { category.replacingOccurrences(of: "_", with: " ") }

    static func minus(_ a: [String], _ b: [String]) -> [String] {
        let drop = Set(b)
        return a.filter { !drop.contains($0) }
    }

    static func levelOrder(_ seen: [String]) -> [String] {
        let known = CountsBreakdown.severityOrder.filter(seen.contains)
        return known + Set(seen).subtracting(known).sorted()
    }

    /// Every month from the first to the last, so the timeline shows gaps as gaps.
    static func monthRange(_ months: [String]) -> [String] {
        let parsed = months.compactMap { m -> (Int, Int)? in
            let p = m.split(separator: "-")
            guard p.count == 2, let y = Int(p[0]), let mo = Int(p[1]), (1...12).contains(mo) else { return nil }
            return (y, mo)
        }
        guard let first = parsed.min(by: { $0 < $1 }), let last = parsed.max(by: { $0 < $1 }) else {
            return months.sorted()
        }
        // A stray year (an OCR'd 1917 for 2017) must not make a timeline of a century.
        if (last.0 - first.0) * 12 + last.1 - first.1 > 240 { return Array(Set(months)).sorted() }
        var out: [String] = []
        var (y, m) = first
        while (y, m) <= last {
            out.append(String(format: "%04d-%02d", y, m))
            m += 1
            if m > 12 { (y, m) = (y + 1, 1) }
        }
        return out
    }

    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>foiapipe report: communications, offenses and ICE detainers</title>
        <link rel="icon" href="data:,">
        <style>
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
        h3 { font-size: 1rem; margin: 1rem 0 .2rem; }
        .lede { color: #333; } nav ol { columns: 2; font-size: .95rem; }
        figure { margin: 1rem 0; } svg.chart { width: 100%; height: auto; display: block; }
        figcaption { font-size: .85rem; color: #555; }
        table { border-collapse: collapse; margin: .6rem 0 1.2rem; font-size: .9rem; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: .2rem .6rem; text-align: left; vertical-align: top; }
        th[scope=row] { font-weight: normal; }
        .n { text-align: right; font-variant-numeric: tabular-nums; }
        .share { color: #555; } .headline { font-size: 1.15rem; }
        a { color: #1d4f91; } code { font-size: .85em; }
        .ids { font-family: ui-monospace, monospace; font-size: .8rem; line-height: 1.6; word-spacing: .3em; }
        .group { border-top: 1px dotted #ccc; } table.list { font-size: .8rem; }
        :target { background: #fff3b0; }
        @media print {
          body { max-width: none; font-size: 10pt; } nav { display: none; }
          figure, table.facts, .group { break-inside: avoid; } h2 { break-after: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        </style>
        </head>
        <body>

        """
}

/// Turns numbers into links to the list of ids behind them, one list per distinct set.
struct NumberLinks {
    private let allIDs: [String]
    private let position: [String: Int]
    private var groups: [(label: String, ids: [String])] = []
    private var index: [String: Int] = [:]

    init(allIDs: [String]) {
        self.allIDs = allIDs
        position = Dictionary(allIDs.enumerated().map { ($1, $0) }) { a, _ in a }
    }

    /// The number (the count of `ids` unless `shown`) as a link, with a `data-key` for checks.
    mutating func number(_ ids: [String], label: String, key: String, shown: Int? = nil) -> String {
        let value = shown ?? ids.count
        let dataKey = "data-key=\"\(escape(key))\""
        guard !ids.isEmpty else { return "<span \(dataKey)>\(value)</span>" }
        // The same set reached in another order is the same list, in the file's order.
        let ids = ids.sorted { (position[$0] ?? Int.max) < (position[$1] ?? Int.max) }
        if ids.count == allIDs.count && ids == allIDs {
            return "<a href=\"#communications\" \(dataKey)>\(value)</a>"
        }
        let signature = ids.joined(separator: " ")
        let n: Int
        if let known = index[signature] {
            n = known
        } else {
            n = groups.count
            index[signature] = n
            groups.append((label, ids))
        }
        return "<a href=\"#g\(n)\" \(dataKey)>\(value)</a>"
    }

    func groupsHTML() -> String {
        var out = "<section id=\"numbers\"><h2>Ids behind each number</h2>\n"
        out +=
            "<p>Each list is the communications a number above counts; an id links to its line in the list of communications. "
        out += "Numbers that count every published communication link to that list directly.</p>\n"
        for (n, g) in groups.enumerated() {
            out +=
                "<div class=\"group\" id=\"g\(n)\"><h3>\(g.ids.count) communication\(g.ids.count == 1 ? "" : "s"): \(escape(g.label))</h3><p class=\"ids\">"
            for id in g.ids {
                let e = escape(id)
                out += "<a href=\"#c-\(e)\">\(e)</a> "
            }
            out += "</p></div>\n"
        }
        return out + "</section>\n"
    }
}
