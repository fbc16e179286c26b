import Publication
import Testing

@Test func publicationModuleLoads() {
    #expect(String(describing: Publication.self) == "Publication")
}
