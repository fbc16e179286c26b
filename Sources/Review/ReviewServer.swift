import Foundation
import Hummingbird
import Publication
import Redaction

/// `foiapipe review DIR`: a web app on 127.0.0.1 for reviewing a run's redactions before
/// publishing, on Hummingbird 2 (see README, "Reviewing before publishing").
///
/// Security, since the app shows what must never be published:
/// - it listens on the loopback address only, and answers only requests whose `Host` is the
///   loopback address (no DNS rebinding);
/// - every request carries the random token printed in the URL (query `token`, or header
///   `X-Review-Token`); state changes are POSTs that must carry it in the header, which a
///   page of another origin cannot set;
/// - no request names a file: documents are looked up among those the run published, and
///   the script and style are compiled into the binary (`ReviewAssets`);
/// - decisions are appended to `private/decisions.jsonl`, mode 0600.
public struct ReviewServer: Sendable {
    public var directory: String
    public var reviewer: String
    public var port: Int
    public var token: String
    /// Sources of the documents, by relative path (the run store's inputs).
    public var sources: [String: String]
    /// Runs the redact pass again (publish) and says how it went in one line.
    public var publish: @Sendable () async throws -> String

    public init(
        directory: String, reviewer: String, port: Int, token: String = ReviewServer.randomToken(),
        sources: [String: String], publish: @escaping @Sendable () async throws -> String
    ) {
        self.directory = directory
        self.reviewer = reviewer
        self.port = port
        self.token = token
        self.sources = sources
        self.publish = publish
    }

    /// 32 random bytes as hex, from the system's generator.
    public static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    /// Serves until the process is stopped (SIGINT or SIGTERM); `ready` gets the URL to open.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        let state = try ReviewState(
            privateDir: directory + "/private", reviewer: reviewer, sources: sources, publish: publish)
        let token = self.token
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: TokenCheck(token: token))
        ReviewRoutes.add(to: router, state: state, token: token)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                ready("http://127.0.0.1:\(port)/?token=\(token)")
            })
        try await app.runService()
    }
}

/// Refuses every request without the token, from another host name, or a POST without the
/// token in its header.
struct TokenCheck: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: String

    static let header = FieldName("X-Review-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let host = request.head.authority ?? ""
        let hostName = host.split(separator: ":").first.map(String.init) ?? ""
        guard hostName == "127.0.0.1" || hostName == "localhost" else {
            return ReviewRoutes.text(.forbidden, "forbidden: open the app at 127.0.0.1")
        }
        let fromHeader = request.headers[TokenCheck.header]
        let fromQuery = request.uri.queryParameters["token"].map(String.init)
        let given = request.method == .post ? fromHeader : (fromHeader ?? fromQuery)
        guard let given, TokenCheck.same(given, token) else {
            return ReviewRoutes.text(.forbidden, "forbidden: the URL's token is missing or wrong")
        }
        return try await next(request, context)
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
