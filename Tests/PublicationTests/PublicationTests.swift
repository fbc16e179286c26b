import Publication
import Testing

@Test func publicationErrorSaysWhatToDo() {
    let e = PublicationError(.cannotWrite, "cannot create folder 'x'", cause: "Permission denied")
    #expect(e.description == "cannot create folder 'x' (Permission denied)")
    #expect(e.documentError.stage == .publish)
}
