/// The people named in a dump: private persons to redact everywhere, and officials to keep.
///
/// Built by the detect pass (`Redactor.detect`) over every communication of every file, then
/// used read-only by the redact pass, so that a person identified once (`Name: ALVAREZ,
/// Jose` in a detainer form) is redacted in every other mention (`Mr. Alvarez`, `Alvarez's`,
/// `ALVAREZ I-247A.pdf`, an OCR-damaged `Alvarcz`), in every file. Registries of shards merge
/// (`merge(_:)`) into the same registry whatever the order: entries are unions of word sets
/// with the highest strength seen.
///
/// Entries are keyed by identity (`first last`, folded; see `PersonName`). A name known both
/// as a private person's and an official's is decided by the stronger evidence.
public struct EntityRegistry: Sendable, Codable, Equatable {
    struct Entry: Sendable, Codable, Equatable {
        var given: Set<String> = []
        var surname: Set<String> = []
        var strength: Double = 0
        var rules: Set<String> = []
        /// The documents (paths) that name the person; empty when not known (a registry of
        /// loose texts, as in tests), which counts as every document.
        var documents: Set<String> = []

        init(given: Set<String> = [], surname: Set<String> = [], strength: Double = 0, rules: Set<String> = []) {
            self.given = given
            self.surname = surname
            self.strength = strength
            self.rules = rules
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            given = try c.decode(Set<String>.self, forKey: .given)
            surname = try c.decode(Set<String>.self, forKey: .surname)
            strength = try c.decode(Double.self, forKey: .strength)
            rules = try c.decode(Set<String>.self, forKey: .rules)
            documents = try c.decodeIfPresent(Set<String>.self, forKey: .documents) ?? []
        }

        mutating func absorb(_ other: Entry) {
            given.formUnion(other.given)
            surname.formUnion(other.surname)
            strength = max(strength, other.strength)
            rules.formUnion(other.rules)
            documents.formUnion(other.documents)
        }
    }

    struct IdentifierEntry: Sendable, Codable, Equatable {
        var type: PIIType
        var strength: Double
    }

    private(set) var persons: [String: Entry] = [:]
    private(set) var officials: [String: Entry] = [:]
    /// Identifiers found with context (`MA reg 3JS352`), by `IdentifierKey`: redacted wherever
    /// else they are printed, even where OCR garbled their label.
    private(set) var identifiers: [String: IdentifierEntry] = [:]
    /// Keys of values kept as officials' (office and work-cell numbers in signatures).
    private(set) var keptIdentifiers: Set<String> = []

    // Indexes, rebuilt from the entries.
    private var surnameIndex: [String: Set<String>] = [:]
    private var givenIndex: [String: Set<String>] = [:]
    private var officialWords: [String: Double] = [:]
    private var officialSurnameIndex: [String: Set<String>] = [:]
    private var fuzzyIndex: [String: Set<String>] = [:]

    /// The document being redacted (see `scoped(to:)`); not stored.
    private(set) var scope: String?

    /// The reviewer's decisions this registry was made to answer with (`applying(_:)`); not stored.
    public private(set) var review: ReviewDecisions?

    /// Names of at least this many letters also match with one OCR error.
    static let fuzzyMinimum = 5

    public init() {}

    /// Records that every person in this registry is named in `path` (the detect pass calls
    /// it on each document's registry before the dump's registries merge).
    public mutating func place(inDocument path: String) {
        for key in persons.keys { persons[key]?.documents = [path] }
    }

    /// The same registry, answering `isInScope` for the document `path`: a person named
    /// only in other documents is no one a lone given name or surname here can be linked to.
    public func scoped(to path: String) -> EntityRegistry {
        var copy = self
        copy.scope = path
        return copy
    }

    /// Whether the person is named in the document being redacted (always, unscoped).
    func isInScope(_ identity: String) -> Bool {
        guard let scope, let documents = persons[identity]?.documents, !documents.isEmpty else { return true }
        return documents.contains(scope)
    }

    /// Adds everything another registry knows (from another shard of the dump).
    public mutating func merge(_ other: EntityRegistry) {
        for (identity, entry) in other.persons { addPrivate(identity, entry) }
        for (identity, entry) in other.officials { addOfficial(identity, entry) }
        for (key, entry) in other.identifiers { addIdentifier(key, type: entry.type, strength: entry.strength) }
        keptIdentifiers.formUnion(other.keptIdentifiers)
    }

    mutating func addIdentifier(_ key: String, type: PIIType, strength: Double) {
        if let old = identifiers[key], old.strength > strength || (old.strength == strength && old.type <= type) { return }
        identifiers[key] = IdentifierEntry(type: type, strength: strength)
    }

    mutating func addKept(_ key: String) { keptIdentifiers.insert(key) }

    /// A private identifier with this key, unless the same value is also an official's.
    func identifier(_ key: String) -> IdentifierEntry? {
        guard let e = identifiers[key], !keptIdentifiers.contains(key) else { return nil }
        return e
    }

    mutating func addPrivate(_ name: PersonName, strength: Double, rule: String) {
        let identity = name.given.isEmpty ? (name.surname.last ?? "") : name.identity
        guard !identity.isEmpty else { return }
        let parts = name.surnameParts
        addPrivate(
            identity,
            Entry(given: Set(name.given), surname: Set(name.surname + parts), strength: strength, rules: [rule]))
    }

    mutating func addOfficial(_ name: PersonName, strength: Double, reason: String) {
        let identity = name.given.isEmpty ? (name.surname.last ?? "") : name.identity
        guard !identity.isEmpty else { return }
        addOfficial(identity, Entry(given: Set(name.given), surname: Set(name.surname), strength: strength, rules: [reason]))
    }

    private mutating func addPrivate(_ identity: String, _ entry: Entry) {
        persons[identity, default: Entry()].absorb(entry)
        for w in entry.surname {
            surnameIndex[w, default: []].insert(identity)
            indexFuzzy(w)
        }
        for w in entry.given {
            givenIndex[w, default: []].insert(identity)
            indexFuzzy(w)
        }
    }

    private mutating func addOfficial(_ identity: String, _ entry: Entry) {
        officials[identity, default: Entry()].absorb(entry)
        for w in entry.given.union(entry.surname) { officialWords[w] = max(officialWords[w] ?? 0, entry.strength) }
        for w in entry.surname { officialSurnameIndex[w, default: []].insert(identity) }
    }

    private mutating func indexFuzzy(_ word: String) {
        guard word.count >= EntityRegistry.fuzzyMinimum else { return }
        for v in EntityRegistry.deletions(word) { fuzzyIndex[v, default: []].insert(word) }
        fuzzyIndex[word, default: []].insert(word)
    }

    /// The word with each one letter left out.
    static func deletions(_ word: String) -> [String] {
        let chars = Array(word)
        return chars.indices.map { i in String(chars[..<i] + chars[(i + 1)...]) }
    }

    /// The registry with a reviewer's decisions taken in: a person decided official is
    /// one (above any rule's evidence), one decided private is private, joined identities are
    /// one entry under the identity they were joined into; the removals and additions go
    /// with it to the redact pass, which applies them per document (`ReviewDecisions`).
    public func applying(_ decisions: ReviewDecisions) -> EntityRegistry {
        var persons = self.persons
        var officials = self.officials
        for identity in persons.keys.sorted() {
            let into = decisions.canonical(identity)
            guard into != identity, let entry = persons.removeValue(forKey: identity) else { continue }
            persons[into, default: Entry()].absorb(entry)
        }
        let strong = ReviewDecisions.decidedStrength
        for identity in decisions.officials.sorted() {
            let identity = decisions.canonical(identity)
            var entry = persons.removeValue(forKey: identity) ?? officials[identity] ?? Entry()
            if entry.given.isEmpty, entry.surname.isEmpty { entry = EntityRegistry.entry(identity: identity) }
            entry.strength = strong
            entry.rules.insert("reviewer_official")
            officials[identity] = entry
        }
        for identity in decisions.privates.sorted() {
            let identity = decisions.canonical(identity)
            var entry = officials.removeValue(forKey: identity) ?? persons[identity] ?? Entry()
            if entry.given.isEmpty, entry.surname.isEmpty { entry = EntityRegistry.entry(identity: identity) }
            entry.strength = strong
            entry.rules.insert("reviewer_private")
            persons[identity] = entry
        }
        var fresh = EntityRegistry()
        for (k, v) in persons { fresh.addPrivate(k, v) }
        for (k, v) in officials { fresh.addOfficial(k, v) }
        fresh.identifiers = identifiers
        fresh.keptIdentifiers = keptIdentifiers
        fresh.scope = scope
        fresh.review = decisions
        return fresh
    }

    /// An entry with only the words of an identity (`first last`, or a lone surname).
    private static func entry(identity: String) -> Entry {
        let words = identity.split(separator: " ").map(String.init)
        return Entry(given: Set(words.dropLast()), surname: Set(words.suffix(1)))
    }

    /// A person of the registry, for the reviewer's list: identity, words, strength, the
    /// rules or reasons that found them, and the documents that name them.
    public struct Listing: Sendable {
        public var identity: String
        public var isOfficial: Bool
        public var names: [String]
        public var strength: Double
        public var rules: [String]
        public var documents: [String]
    }

    /// Everyone the registry knows, private persons then officials, each sorted by identity.
    public var listing: [Listing] {
        func list(_ d: [String: Entry], official: Bool) -> [Listing] {
            d.keys.sorted().compactMap { k in
                guard let e = d[k] else { return nil }
                return Listing(
                    identity: k, isOfficial: official, names: (e.given.sorted() + e.surname.sorted()), strength: e.strength,
                    rules: e.rules.sorted(), documents: e.documents.sorted())
            }
        }
        return list(persons, official: false) + list(officials, official: true)
    }

    // MARK: - Questions the redact pass asks

    func privateStrength(_ identity: String) -> Double { persons[identity]?.strength ?? 0 }
    func officialStrength(_ identity: String) -> Double { officials[identity]?.strength ?? 0 }
    func officialWordStrength(_ word: String) -> Double { officialWords[word] ?? 0 }

    func identities(surname word: String) -> Set<String> { surnameIndex[word] ?? [] }

    /// The given names of each official with this surname (empty for `Det. Kelly`).
    func officialGivenNames(surname word: String) -> [Set<String>] {
        (officialSurnameIndex[word] ?? []).compactMap { officials[$0]?.given }
    }
    func identities(given word: String) -> Set<String> { givenIndex[word] ?? [] }

    /// Known private name words within one edit of `word` (which is not itself known).
    func fuzzyMatches(_ word: String) -> [String] {
        guard word.count >= EntityRegistry.fuzzyMinimum else { return [] }
        var candidates = fuzzyIndex[word] ?? []
        for v in EntityRegistry.deletions(word) { candidates.formUnion(fuzzyIndex[v] ?? []) }
        return candidates.filter { $0 != word && $0.count >= EntityRegistry.fuzzyMinimum && editDistanceAtMostOne($0, word) }
            .sorted()
    }

    func entry(_ identity: String) -> Entry? { persons[identity] }

    // MARK: - Codable: the entries only; indexes are rebuilt.

    enum CodingKeys: String, CodingKey {
        case persons
        case officials
        case identifiers
        case keptIdentifiers = "kept_identifiers"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for (k, v) in try c.decode([String: Entry].self, forKey: .persons) { addPrivate(k, v) }
        for (k, v) in try c.decode([String: Entry].self, forKey: .officials) { addOfficial(k, v) }
        identifiers = try c.decodeIfPresent([String: IdentifierEntry].self, forKey: .identifiers) ?? [:]
        keptIdentifiers = try c.decodeIfPresent(Set<String>.self, forKey: .keptIdentifiers) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(persons, forKey: .persons)
        try c.encode(officials, forKey: .officials)
        try c.encode(identifiers, forKey: .identifiers)
        try c.encode(keptIdentifiers.sorted(), forKey: .keptIdentifiers)
    }

    public static func == (a: EntityRegistry, b: EntityRegistry) -> Bool {
        a.persons == b.persons && a.officials == b.officials && a.identifiers == b.identifiers
            && a.keptIdentifiers == b.keptIdentifiers
    }
}

/// Levenshtein distance ≤ 1, without building a matrix.
func editDistanceAtMostOne(_ a: String, _ b: String) -> Bool {
    let x = Array(a)
    let y = Array(b)
    if abs(x.count - y.count) > 1 { return false }
    var i = 0
    var j = 0
    var edits = 0
    while i < x.count && j < y.count {
        if x[i] == y[j] {
            i += 1
            j += 1
            continue
        }
        edits += 1
        if edits > 1 { return false }
        if x.count > y.count {
            i += 1
        } else if x.count < y.count {
            j += 1
        } else {
            i += 1
            j += 1
        }
    }
    return edits + (x.count - i) + (y.count - j) <= 1
}
