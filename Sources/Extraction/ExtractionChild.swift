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
/// One request, one reply, each a length-prefixed JSON frame on a Unix socket: the pages are
/// the same `PageText` values the in-process extractor makes (JSON keeps every `Double`
/// exactly), so `pages.jsonl` does not depend on where a page was read.
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
            guard let data = try? encoder.encode(reply), Frame.write(data, to: fd) else { return 2 }
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
