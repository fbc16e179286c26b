import Foundation

/// A PDF written object by object, so a test can put in it what real releases carry and the
/// publication copy must shed: an Info dictionary, XMP, annotations, a form field, an
/// attachment, JavaScript and an incremental update.
struct HandMadePDF {
    private var objects: [Int: Data] = [:]
    private var update: [Int: Data] = [:]

    mutating func set(_ number: Int, _ dictionary: String) {
        objects[number] = Data(dictionary.utf8)
    }

    mutating func set(_ number: Int, stream: Data, dictionary: String = "") {
        objects[number] = HandMadePDF.streamObject(stream, dictionary: dictionary)
    }

    /// An object replaced by an incremental update appended after the first revision.
    mutating func update(_ number: Int, _ dictionary: String) {
        update[number] = Data(dictionary.utf8)
    }

    static func streamObject(_ stream: Data, dictionary: String) -> Data {
        var d = Data("<< \(dictionary) /Length \(stream.count) >>\nstream\n".utf8)
        d.append(stream)
        d.append(Data("\nendstream".utf8))
        return d
    }

    /// A content stream drawing lines of Helvetica (`/F1`) from the top of a letter page.
    static func textContent(_ lines: [String], size: Double = 11, top: Double = 720) -> Data {
        var s = ""
        for (i, line) in lines.enumerated() {
            let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
            s += "BT /F1 \(size) Tf 72 \(top - Double(i) * size * 1.6) Td (\(escaped)) Tj ET\n"
        }
        return Data(s.utf8)
    }

    /// The file; `info` is the number of the Info dictionary object.
    func bytes(info: Int) -> Data {
        var out = Data("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8)
        let size = (objects.keys.max() ?? 0) + 1
        var offsets: [Int: Int] = [:]
        for n in objects.keys.sorted() {
            offsets[n] = out.count
            out.append(Data("\(n) 0 obj\n".utf8))
            out.append(objects[n] ?? Data())
            out.append(Data("\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(size)\n0000000000 65535 f \n"
        for n in 1..<size {
            table += offsets[n].map { String(format: "%010d 00000 n \n", $0) } ?? "0000000000 65535 f \n"
        }
        out.append(Data((table + "trailer\n<< /Size \(size) /Root 1 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n").utf8))
        guard !update.isEmpty else { return out }
        var updateOffsets: [Int: Int] = [:]
        for n in update.keys.sorted() {
            updateOffsets[n] = out.count
            out.append(Data("\(n) 0 obj\n".utf8))
            out.append(update[n] ?? Data())
            out.append(Data("\nendobj\n".utf8))
        }
        let xref2 = out.count
        var table2 = "xref\n"
        for n in update.keys.sorted() {
            table2 += "\(n) 1\n" + String(format: "%010d 00000 n \n", updateOffsets[n] ?? 0)
        }
        out.append(
            Data(
                (table2 + "trailer\n<< /Size \(size) /Root 1 0 R /Info \(info) 0 R /Prev \(xref) >>\nstartxref\n\(xref2)\n%%EOF\n")
                    .utf8))
        return out
    }
}
