import Batch
import Foundation
import Synchronization

/// The progress of a run on stderr: one line redrawn in place on a terminal, a plain line
/// every ten seconds in a log (a batch scheduler's output file), nothing with `--quiet`.
///
/// Events come from worker threads; drawing is throttled so that a fast text-layer run does
/// not spend its time on the terminal.
final class ProgressDisplay: RunProgress {
    private struct State {
        var phase: RunPhase?
        var phaseStart = Date()
        /// The first plain line comes one interval after the start, so a short run prints none.
        var lastDraw = Date()
        var lastWidth = 0
        var items = 0
        var pagesKnown = 0
        var bytesOpened: Int64 = 0
        var documentsOpened = 0
        var pagesDone = 0
        var pagesReused = 0
        var ocrPages = 0
    }

    private let state = Mutex(State())
    private let terminal: Bool
    private let interval: TimeInterval

    init(terminal: Bool = isatty(2) == 1) {
        self.terminal = terminal
        interval = terminal ? 0.2 : 10
    }

    func begin(_ phase: RunPhase) {
        state.withLock { s in
            s = State(phase: phase, phaseStart: Date(), lastDraw: s.lastDraw, lastWidth: s.lastWidth)
        }
        draw(force: terminal)
    }

    func itemDone() {
        state.withLock { $0.items += 1 }
        draw()
    }

    func documentOpened(pages: Int, bytes: Int64) {
        state.withLock { s in
            s.pagesKnown += pages
            s.bytesOpened += bytes
            s.documentsOpened += 1
        }
    }

    func pageDone(ocr: Bool, reused: Bool) {
        state.withLock { s in
            s.pagesDone += 1
            if reused { s.pagesReused += 1 }
            if ocr { s.ocrPages += 1 }
        }
        draw()
    }

    func finish() {
        guard terminal else { return }
        let width = state.withLock { $0.lastWidth }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: width) + "\r").utf8))
    }

    private func draw(force: Bool = false) {
        let output: String? = state.withLock { s in
            let now = Date()
            guard force || now.timeIntervalSince(s.lastDraw) >= interval, let line = ProgressDisplay.line(s, now: now)
            else { return nil }
            s.lastDraw = now
            if terminal {
                let padded = line.padding(toLength: max(line.count, s.lastWidth), withPad: " ", startingAt: 0)
                s.lastWidth = line.count
                return "\r" + padded
            }
            return "foiapipe: " + line + "\n"
        }
        if let output { FileHandle.standardError.write(Data(output.utf8)) }
    }

    private static func line(_ s: State, now: Date) -> String? {
        let elapsed = max(0.001, now.timeIntervalSince(s.phaseStart))
        switch s.phase {
        case nil: return nil
        case .hashing(let files):
            return "checking inputs \(s.items)/\(files) files"
        case .writing(let documents):
            return "writing outputs \(s.items)/\(documents) documents"
        case .redacting(let documents):
            let rate = Double(s.items) / elapsed
            let eta = rate > 0 ? Double(documents - s.items) / rate : nil
            return bar(Double(s.items) / Double(max(1, documents))) + " redacting \(s.items)/\(documents) documents"
                + (eta.map { ", ETA " + clock($0) } ?? "")
        case .extracting(let documents, let bytes):
            // Pages of files not yet opened are estimated from the pages per byte seen so far.
            let unopened = max(0, bytes - s.bytesOpened)
            let estimated =
                s.bytesOpened > 0 ? Int((Double(s.pagesKnown) / Double(s.bytesOpened) * Double(unopened)).rounded()) : 0
            let total = s.pagesKnown + estimated
            let exact = s.documentsOpened >= documents
            let fresh = s.pagesDone - s.pagesReused
            let rate = Double(fresh) / elapsed
            let eta = rate > 0 && total > 0 ? Double(total - s.pagesDone) / rate : nil
            let ocrShare = s.pagesDone > 0 ? 100 * s.ocrPages / s.pagesDone : 0
            return bar(total > 0 ? Double(s.pagesDone) / Double(total) : 0)
                + " \(s.pagesDone)/\(exact ? "" : "~")\(total) pages"
                + String(format: ", %.1f pages/s", rate) + ", OCR \(ocrShare)%"
                + (eta.map { ", ETA " + clock($0) } ?? "")
                + (s.pagesReused > 0 ? ", \(s.pagesReused) resumed" : "")
                + ", \(min(s.documentsOpened, documents))/\(documents) files"
        }
    }

    private static func bar(_ fraction: Double) -> String {
        let width = 20
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded(.down))))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    private static func clock(_ seconds: Double) -> String {
        let t = Int(max(0, seconds).rounded())
        return t >= 3600
            ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}
