/// A truth field that the labeller may have left out.
///
/// Truth files are written at different depths: the hand labels of real documents carry only
/// page ranges and a few header fields, the generator's carry everything. `null` is a label
/// ("blacked out" or "not printed"); a missing key is not, and a metric over a missing key
/// reports "no truth" instead of scoring.
package enum Labelled<Value: Sendable & Equatable>: Sendable, Equatable {
    case unlabelled
    case labelled(Value)

    /// The label, or nil when the field is unlabelled.
    package var label: Value? {
        if case .labelled(let value) = self { return value }
        return nil
    }
}

/// One `*.truth.json`: what a released PDF really contains (see `SampleDocs/TRUTH.md`).
package struct TruthDocument: Sendable, Decodable {
    /// The PDF's path relative to the dump root, as the run records it in `source.path`.
    package var path: String
    package var pages: Int?
    /// `text`, `scanned` or `mixed`; nil in hand labels, reported as `unknown`.
    package var rendition: String?
    package var communications: [TruthCommunication]
    /// Strings that must not appear anywhere public; nil when the file does not label PII.
    package var pii: [TruthPII]?
    /// Strings that must stay readable (officials, agencies); nil when not labelled.
    package var keep: [TruthKeep]?
    /// The truth file this came from, for messages; set by the loader.
    package var file = ""

    enum CodingKeys: String, CodingKey {
        case path, pages, rendition, communications, pii, keep
    }

    package init(
        path: String, pages: Int? = nil, rendition: String? = nil, communications: [TruthCommunication],
        pii: [TruthPII]? = nil, keep: [TruthKeep]? = nil
    ) {
        self.path = path
        self.pages = pages
        self.rendition = rendition
        self.communications = communications
        self.pii = pii
        self.keep = keep
    }
}

/// One top-level communication as the truth file labels it.
package struct TruthCommunication: Sendable, Decodable {
    package var kind: String?
    package var pageStart: Int
    package var pageEnd: Int
    package var from: Labelled<String?>
    package var to: Labelled<[String]>
    package var sent: Labelled<String?>
    package var subject: Labelled<String?>
    package var detainer: TruthDetainer?
    package var offenses: [TruthOffense]?
    package var severity: String?
    /// True when `duplicate_of` points to an earlier printout; counts leave these out.
    package var isDuplicate: Bool

    enum CodingKeys: String, CodingKey {
        case kind, from, to, sent, subject, detainer, offenses, severity
        case pageStart = "page_start"
        case pageEnd = "page_end"
        case duplicateOf = "duplicate_of"
    }

    package init(
        kind: String? = "email", pageStart: Int, pageEnd: Int, from: Labelled<String?> = .unlabelled,
        to: Labelled<[String]> = .unlabelled, sent: Labelled<String?> = .unlabelled,
        subject: Labelled<String?> = .unlabelled, detainer: TruthDetainer? = nil, offenses: [TruthOffense]? = nil,
        severity: String? = nil, isDuplicate: Bool = false
    ) {
        self.kind = kind
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.from = from
        self.to = to
        self.sent = sent
        self.subject = subject
        self.detainer = detainer
        self.offenses = offenses
        self.severity = severity
        self.isDuplicate = isDuplicate
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        pageStart = try c.decode(Int.self, forKey: .pageStart)
        pageEnd = try c.decode(Int.self, forKey: .pageEnd)
        from = try c.labelled(String.self, forKey: .from)
        sent = try c.labelled(String.self, forKey: .sent)
        subject = try c.labelled(String.self, forKey: .subject)
        switch try c.labelled([String].self, forKey: .to) {
        case .unlabelled: to = .unlabelled
        case .labelled(let list): to = .labelled(list ?? [])
        }
        detainer = try c.decodeIfPresent(TruthDetainer.self, forKey: .detainer)
        offenses = try c.decodeIfPresent([TruthOffense].self, forKey: .offenses)
        severity = try c.decodeIfPresent(String.self, forKey: .severity)
        // The value is an object naming the first occurrence; only whether it is set matters here.
        isDuplicate = try c.contains(.duplicateOf) && !c.decodeNil(forKey: .duplicateOf)
    }
}

package struct TruthDetainer: Sendable, Decodable, Equatable {
    package var present: Bool
    /// Nil when the labeller did not list forms.
    package var forms: [String]?

    package init(present: Bool, forms: [String]? = nil) {
        self.present = present
        self.forms = forms
    }
}

package struct TruthOffense: Sendable, Decodable, Equatable {
    package var category: String
    package var level: String?
    package var status: String?

    package init(category: String, level: String? = nil, status: String? = nil) {
        self.category = category
        self.level = level
        self.status = status
    }
}

/// A private string and its PII type (vocabulary in `shared/contract/pii-types.tsv`).
package struct TruthPII: Sendable, Decodable, Equatable {
    package var text: String
    package var type: String

    package init(text: String, type: String) {
        self.text = text
        self.type = type
    }
}

/// A string redaction must leave alone: an official's name, a work address, an agency.
package struct TruthKeep: Sendable, Decodable, Equatable {
    package var text: String
    package var kind: String?

    package init(text: String, kind: String? = nil) {
        self.text = text
        self.kind = kind
    }
}

extension KeyedDecodingContainer {
    /// Tells a missing key (unlabelled) from an explicit `null` (labelled as absent).
    func labelled<T: Decodable & Sendable & Equatable>(_ type: T.Type, forKey key: Key) throws -> Labelled<T?> {
        guard contains(key) else { return .unlabelled }
        if try decodeNil(forKey: key) { return .labelled(nil) }
        return .labelled(try decode(T.self, forKey: key))
    }
}
