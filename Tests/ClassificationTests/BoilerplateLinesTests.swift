import Classification
import FoiaCore
import Testing

/// Signature blocks and confidentiality footers state nothing about anyone: segmentation gives
/// them their roles (patterns in the pipeline file) and classification reads no offense or
/// detainer from them.
@Suite struct BoilerplateLinesTests {
    static let reply = "He was arrested last night for shoplifting at the mall."
    static let signature = [
        "Thanks,", "Sgt. Mary Doe", "OUI and Drug Control Unit", "Detainer Liaison", "Phone: 617-555-0100",
    ]
    static let footer = [
        "CONFIDENTIALITY NOTICE: This e-mail may contain information on arrests for OUI, assault and battery or immigration",
        "detainers lodged by ICE and is intended only for the addressee; if you received it in error, delete it.",
    ]

    @Test func signatureAndFooterLinesHaveTheirRoles() throws {
        let c = message(([Self.reply] + Self.signature + Self.footer).joined(separator: "\n"))
        #expect(c.bodyLineRoles.map(\.kind) == [.body] + Array(repeating: .signature, count: 5) + [.disclaimer, .disclaimer])
    }

    @Test func noOffenseOrDetainerFromThem() throws {
        let alone = try #require(classify(Self.reply))
        let signed = try #require(classify(([Self.reply] + Self.signature + Self.footer).joined(separator: "\n")))
        #expect(signed.offenses.map(\.category) == alone.offenses.map(\.category))
        #expect(!signed.offenses.contains { $0.category == "oui" || $0.category == "assault_battery" })
        #expect(signed.detainer.present == false)
    }
}
