#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FoiaCore
import Foundation
import Rules

/// What a worker asks its extractor process, and what it answers.
///
/// One request, one reply, each a length-prefixed frame on a Unix socket (JSON, but a page in
/// `PageCodec`'s binary form): the pages are the same `PageText` values the in-process
/// extractor makes, every `Double` exact, so `pages.jsonl` does not depend on where a page
/// was read.
enum ChildRequest: Codable {
    /// The first request: the settings, and the word list to load.
    case configure(ExtractionConfig)
    /// Open the document and count its pages.
    case open(path: String)
    /// Extract one page (the document is opened first if it is not the one open).
    case page(path: String, number: Int)
}

struct ChildReply: Codable {
    var pageCount: Int?
    var page: PageText?
    var error: DocumentError?

    /// Reads a reply frame: a page in `PageCodec` form after a 1, JSON after a 0.
    static func decode(_ frame: Data, with decoder: JSONDecoder) -> ChildReply? {
        guard let tag = frame.first else { return nil }
        let body = frame.dropFirst()
        switch tag {
        case 1: return PageCodec.decode([UInt8](body)).map { ChildReply(page: $0) }
        case 0: return try? decoder.decode(ChildReply.self, from: Data(body))
        default: return nil
        }
    }
}

/// The extractor process: the hidden `foiapipe extract-worker` subcommand runs `serve`.
///
/// It does what a worker thread of the in-process extractor does (one poppler handle on the
/// document it reads, one tesseract engine made on first use), on requests from its one
/// worker in the parent, so a crash in poppler or tesseract kills this process only. It
/// assumes nothing else writes to the socket and ends when the parent closes it.
public enum ExtractionChild {
    /// The file descriptor of the socket to the parent in the extractor process.
    public static let socketDescriptor: Int32 = 3

    /// A crash on purpose, for the test that a crash stays one document's error: the file's
    /// name (crash on opening it, by `abort`) or `NAME:PAGE` (crash on that page, by SIGSEGV).
    /// Only the hidden subcommand reads it, from `FOIAPIPE_SIMULATE_EXTRACTOR_CRASH`.
    public struct SimulatedCrash: Sendable {
        var fileName: String
        var page: Int?

        public init?(_ text: String?) {
            guard let text, !text.isEmpty else { return nil }
            if let colon = text.lastIndex(of: ":"), let page = Int(text[text.index(after: colon)...]) {
                fileName = String(text[..<colon])
                self.page = page
            } else {
                fileName = text
                page = nil
            }
        }

        func crashIfDue(path: String, page number: Int?) {
            guard (path as NSString).lastPathComponent == fileName, page == number else { return }
            if number == nil { abort() }
            raise(SIGSEGV)
        }
    }

    /// Answers requests on `fd` until the parent closes it; returns the exit status.
    public static func serve(fd: Int32 = socketDescriptor, simulatedCrash: SimulatedCrash? = nil) -> Int32 {
        var context: WorkerContext?
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        while let frame = Frame.read(fd) {
            var reply = ChildReply()
            do {
                let request = try decoder.decode(ChildRequest.self, from: frame)
                switch request {
                case .configure(let config):
                    do {
                        context = WorkerContext(config: config, wordList: try WordList.load(path: config.dictionary))
                    } catch {
                        reply.error = DocumentError(
                            .unreadable, stage: .extract, "cannot load the word list \(config.dictionary)",
                            cause: "\(error)")
                    }
                case .open(let path):
                    simulatedCrash?.crashIfDue(path: path, page: nil)
                    guard let context else { return 2 }
                    do throws(DocumentError) {
                        reply.pageCount = try context.document(at: path).pageCount
                    } catch {
                        reply.error = error
                    }
                case .page(let path, let number):
                    simulatedCrash?.crashIfDue(path: path, page: number)
                    guard let context else { return 2 }
                    do throws(DocumentError) {
                        reply.page = try PageExtractor.extract(
                            document: try context.document(at: path), number: number, context: context)
                    } catch {
                        reply.error = error
                    }
                }
            } catch {
                return 2
            }
            // A page goes as `PageCodec` bytes after a 1; anything else as JSON after a 0.
            var frame: Data
            if let page = reply.page {
                frame = Data([1])
                frame.append(contentsOf: PageCodec.encode(page))
            } else {
                guard let json = try? encoder.encode(reply) else { return 2 }
                frame = Data([0])
                frame.append(json)
            }
            guard Frame.write(frame, to: fd) else { return 2 }
        }
        return 0
    }
}

/// A length-prefixed frame: eight bytes of length (little-endian), then the bytes.
enum Frame {
    static func read(_ fd: Int32) -> Data? {
        var header = [UInt8](repeating: 0, count: 8)
        guard readFully(fd, &header, count: 8) else { return nil }
        var length = 0
        for i in (0..<8).reversed() { length = length << 8 | Int(header[i]) }
        guard length >= 0, length < 1 << 31 else { return nil }
        var body = [UInt8](repeating: 0, count: length)
        guard readFully(fd, &body, count: length) else { return nil }
        return Data(body)
    }

    /// Writes with `MSG_NOSIGNAL`: a dead peer is a `false`, not a SIGPIPE for the whole process.
    static func write(_ data: Data, to fd: Int32) -> Bool {
        var bytes = [UInt8](repeating: 0, count: 8)
        var length = data.count
        for i in 0..<8 {
            bytes[i] = UInt8(length & 0xff)
            length >>= 8
        }
        bytes.append(contentsOf: data)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { buf in
                send(fd, buf.baseAddress.map { $0 + sent }, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    private static func readFully(_ fd: Int32, _ buffer: inout [UInt8], count: Int) -> Bool {
        var got = 0
        while got < count {
            let n = buffer.withUnsafeMutableBytes { buf in
                recv(fd, buf.baseAddress.map { $0 + got }, count - got, 0)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            got += n
        }
        return true
    }
}

/// A page in the extractor process's reply, in a compact binary form: the worker's JSON
/// decoding of every word's box was most of the cost of the process boundary (2 ms a page,
/// twice `foiapipe extract`'s own time on text layers). Numbers are their exact bits, strings
/// UTF-8 with their length, so the page that arrives is the page that was read.
///
/// `PageCodecTests` fails when `PageText` gains a field this does not carry.
public enum PageCodec {
    public static func encode(_ page: PageText) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + page.text.utf8.count * 2 + page.words.count * 48)
        func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        func string(_ s: String) {
            int(s.utf8.count)
            out.append(contentsOf: s.utf8)
        }
        func box(_ b: Box) {
            double(b.x0)
            double(b.y0)
            double(b.x1)
            double(b.y1)
        }
        int(page.number)
        double(page.width)
        double(page.height)
        string(page.source.rawValue)
        string(page.decision.action.rawValue)
        string(page.decision.reason)
        double(page.confidence)
        string(page.text)
        int(page.scanRotation)
        int(page.words.count)
        for w in page.words {
            string(w.text)
            box(w.box)
            double(w.confidence)
            out.append(w.endsLine ? 1 : 0)
        }
        int(page.redactionBoxes.count)
        for b in page.redactionBoxes { box(b) }
        return out
    }

    public static func decode(_ bytes: [UInt8]) -> PageText? {
        var at = 0
        func raw64() -> UInt64? {
            guard at + 8 <= bytes.count else { return nil }
            var v: UInt64 = 0
            for i in (0..<8).reversed() { v = v << 8 | UInt64(bytes[at + i]) }
            at += 8
            return v
        }
        func int() -> Int? { raw64().map { Int(Int64(bitPattern: $0)) } }
        func double() -> Double? { raw64().map { Double(bitPattern: $0) } }
        func string() -> String? {
            guard let n = int(), n >= 0, at + n <= bytes.count else { return nil }
            defer { at += n }
            return String(decoding: bytes[at..<at + n], as: UTF8.self)
        }
        func box() -> Box? {
            guard let x0 = double(), let y0 = double(), let x1 = double(), let y1 = double() else { return nil }
            return Box(x0: x0, y0: y0, x1: x1, y1: y1)
        }
        guard let number = int(), let width = double(), let height = double(),
            let source = string().flatMap(PageSource.init(rawValue:)),
            let action = string().flatMap(OCRDecision.Action.init(rawValue:)), let reason = string(),
            let confidence = double(), let text = string(), let rotation = int(), let wordCount = int(), wordCount >= 0
        else { return nil }
        var words: [Word] = []
        words.reserveCapacity(min(wordCount, bytes.count / 48))
        for _ in 0..<wordCount {
            guard let t = string(), let b = box(), let c = double(), at < bytes.count else { return nil }
            words.append(Word(text: t, box: b, confidence: c, endsLine: bytes[at] == 1))
            at += 1
        }
        guard let boxCount = int(), boxCount >= 0 else { return nil }
        var boxes: [Box] = []
        for _ in 0..<boxCount {
            guard let b = box() else { return nil }
            boxes.append(b)
        }
        guard at == bytes.count else { return nil }
        var page = PageText(
            number: number, width: width, height: height, source: source, decision: OCRDecision(action, reason: reason),
            confidence: confidence, text: text, words: words, scanRotation: rotation)
        page.redactionBoxes = boxes
        return page
    }
}
