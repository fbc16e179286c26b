import Foundation
import Hummingbird

/// The app's routes. Every answer is `no-store`, and the page may load nothing but its own
/// script, style and page images (Content-Security-Policy).
enum ReviewRoutes {
    static let security: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        .cacheControl: "no-store",
        FieldName("X-Content-Type-Options")!: "nosniff",
        FieldName("Referrer-Policy")!: "no-referrer",
    ]

    static func respond(_ status: HTTPResponse.Status = .ok, _ type: String, _ body: Data) -> Response {
        var headers = security
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        respond(status, "text/plain; charset=utf-8", Data((message + "\n").utf8))
    }

    static func json(_ body: Data) -> Response { respond(.ok, "application/json", body) }

    /// A document and page named by the query, both looked up, never used as a path.
    static func pageQuery(_ request: Request) -> (String, Int)? {
        let q = request.uri.queryParameters
        guard let doc = q["doc"].map(String.init), let page = q["page"].flatMap({ Int($0) }) else { return nil }
        return (doc, page)
    }

    static func add(to router: Router<BasicRequestContext>, state: ReviewState, token: String) {
        router.get("/") { _, _ in
            respond(.ok, "text/html; charset=utf-8", Data(ReviewAssets.page(token: token).utf8))
        }
        router.get("/app.js") { _, _ in respond(.ok, "text/javascript; charset=utf-8", Data(ReviewAssets.script.utf8)) }
        router.get("/app.css") { _, _ in respond(.ok, "text/css; charset=utf-8", Data(ReviewAssets.style.utf8)) }
        router.get("/api/queue") { _, _ in json(await state.queue()) }
        router.get("/api/persons") { _, _ in json(await state.persons()) }
        router.get("/api/page") { request, _ in
            guard let (doc, page) = pageQuery(request) else { return text(.badRequest, "name doc and page") }
            do {
                return json(try await state.page(document: doc, number: page))
            } catch {
                return text(.notFound, "\(error)")
            }
        }
        router.get("/api/image") { request, _ in
            guard let (doc, page) = pageQuery(request) else { return text(.badRequest, "name doc and page") }
            do {
                return respond(.ok, "image/jpeg", try await state.image(document: doc, number: page))
            } catch {
                return text(.notFound, "\(error)")
            }
        }
        router.post("/api/decision") { request, _ in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            let body = Data(buffer.readableBytesView)
            do {
                return json(try await state.decide(body))
            } catch {
                return text(.badRequest, "\(error)")
            }
        }
        router.post("/api/publish") { _, _ in
            do {
                return json(try await state.publishNow())
            } catch {
                return text(.internalServerError, "publish failed: \(error)")
            }
        }
    }
}

/// A header name (`HTTPField.Name`, named through the collection Hummingbird exports).
typealias FieldName = HTTPFields.Element.Name
