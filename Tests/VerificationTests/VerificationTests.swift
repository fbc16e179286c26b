import Testing
import Verification

@Test func verificationModuleLoads() {
    #expect(String(describing: Verification.self) == "Verification")
}
