#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FoiaCore
import Foundation
import Rules

/// Where a worker reads documents: in its own thread, or in an extractor process of its own.
protocol DocumentReading: AnyObject {
    func pageCount(at path: String) throws(DocumentError) -> Int
    func page(_ number: Int, at path: String) throws(DocumentError) -> PageText
    /// Releases what the reader holds (ends its process) once the worker is done.
    func close()
}

extension WorkerContext: DocumentReading {
    func pageCount(at path: String) throws(DocumentError) -> Int { try document(at: path).pageCount }

    func page(_ number: Int, at path: String) throws(DocumentError) -> PageText {
        try PageExtractor.extract(document: try document(at: path), number: number, context: self)
    }

    func close() {}
}

/// One worker's extractor process (`foiapipe extract-worker`), started on first use and again
/// after it dies.
///
/// A death while it held a request (a signal, or an exit without a reply) is that document's
/// or page's `extractorCrashed` error; the next request starts a fresh process, so the rest
/// of the batch goes on. Not `Sendable`: one worker thread owns it.
final class ExtractorProcess: DocumentReading {
    private let executable: String
    private let config: ExtractionConfig
    private var pid: pid_t = 0
    private var socket: Int32 = -1
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    init(executable: String, config: ExtractionConfig) {
        self.executable = executable
        self.config = config
    }

    deinit { close() }

    func pageCount(at path: String) throws(DocumentError) -> Int {
        let reply = try exchange(.open(path: path), what: "this document")
        if let error = reply.error { throw error }
        return reply.pageCount ?? 0
    }

    func page(_ number: Int, at path: String) throws(DocumentError) -> PageText {
        let reply = try exchange(.page(path: path, number: number), what: "page \(number)")
        if let error = reply.error { throw error }
        guard let page = reply.page else {
            throw DocumentError(.pageFailed, stage: .extract, "page \(number) came back empty from the extractor")
        }
        return page
    }

    /// Closes the socket (the process then ends by itself) and waits for the process.
    func close() {
        guard socket >= 0 else { return }
        Glibc.close(socket)
        socket = -1
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pid = 0
    }

    private func exchange(_ request: ChildRequest, what: String) throws(DocumentError) -> ChildReply {
        if socket < 0 { try start() }
        let frame: Data
        do {
            frame = try encoder.encode(request)
        } catch {
            throw DocumentError(.pageFailed, stage: .extract, "cannot encode a request for \(what)", cause: "\(error)")
        }
        guard Frame.write(frame, to: socket), let data = Frame.read(socket) else { throw died(while: what) }
        guard let reply = ChildReply.decode(data, with: decoder) else {
            kill(pid, SIGKILL)
            throw died(while: what)
        }
        return reply
    }

    private func start() throws(DocumentError) {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw DocumentError(
                .extractorCrashed, stage: .extract, "cannot start the extractor process",
                cause: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child's end becomes its fd 3 (dup2 clears close-on-exec); every other
        // descriptor of this process, other workers' sockets included, is close-on-exec.
        posix_spawn_file_actions_adddup2(&actions, ends[1], ExtractionChild.socketDescriptor)
        var environment = ProcessInfo.processInfo.environment
        // A crash is reported by the parent in one line; the Swift runtime's backtrace of a
        // C library's crash takes seconds and says nothing more to a user.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        let arguments: [String] = ["foiapipe", "extract-worker"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { (s: String) in strdup(s) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] =
            environment.map { (key: String, value: String) in strdup(key + "=" + value) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, argv, envp)
        Glibc.close(ends[1])
        guard rc == 0 else {
            Glibc.close(ends[0])
            throw DocumentError(
                .extractorCrashed, stage: .extract, "cannot start the extractor process \(executable)",
                cause: String(cString: strerror(rc)))
        }
        pid = child
        socket = ends[0]
        let reply = try exchange(.configure(config), what: "its start")
        if let error = reply.error {
            close()
            throw error
        }
    }

    /// Reaps the dead process (killed first when it answered nonsense) and says how it ended.
    private func died(while what: String) -> DocumentError {
        Glibc.close(socket)
        socket = -1
        var status: Int32 = 0
        var reaped = waitpid(pid, &status, 0)
        while reaped < 0 && errno == EINTR { reaped = waitpid(pid, &status, 0) }
        pid = 0
        let signal = status & 0x7f
        if reaped > 0 && signal != 0 && signal != 0x7f {
            let name = String(cString: strsignal(signal)).lowercased()
            return DocumentError(
                .extractorCrashed, stage: .extract,
                "the extractor crashed on \(what) (signal \(signal), \(name)), most likely in poppler; "
                    + "the batch went on without it; check the file with pdfinfo, or rewrite it with qpdf and rerun")
        }
        return DocumentError(
            .extractorCrashed, stage: .extract,
            "the extractor process ended without answering for \(what) (exit status \((status >> 8) & 0xff)); "
                + "the batch went on without it; rerun to try it again")
    }
}
