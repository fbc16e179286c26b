import Batch
import Foundation
import Testing

/// The run store's build fingerprint is the executable's build ID, read from its ELF notes.
@Suite struct ELFBuildIDTests {
    /// What binutils' readelf prints for a file's build ID.
    static func readelf(_ path: String) throws -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        p.arguments = ["-n", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard let line = text.split(separator: "\n").first(where: { $0.contains("Build ID:") }) else { return nil }
        return line.split(separator: " ").last.map(String.init)
    }

    @Test func readsTheSameIDAsReadelf() throws {
        // This test binary (its own path: readelf's /proc/self/exe is readelf) and a system
        // tool, both linked with a build ID.
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        for path in [me, "/usr/bin/readelf"] {
            let expected = try #require(try Self.readelf(path), "readelf finds no build ID in \(path)")
            #expect(ELFBuildID.read(path: path) == expected, "\(path)")
        }
    }

    @Test func aFileThatIsNotELFHasNone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("elf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.txt")
        try Data("not an executable".utf8).write(to: text)
        #expect(ELFBuildID.read(path: text.path) == nil)
        var truncated = Data([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])
        truncated += Data(repeating: 0, count: 9)
        try truncated.write(to: text)
        #expect(ELFBuildID.read(path: text.path) == nil)
    }
}
