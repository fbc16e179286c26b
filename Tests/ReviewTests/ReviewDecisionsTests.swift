import Redaction
import Testing

@Suite struct ReviewDecisionsTests {
    @Test func laterDecisionsOverrideEarlierOnes() {
        let d = ReviewDecisions(
            jsonLines: """
                {"decision":"remove","path":"a.pdf","text":"12-12-99"}
                {"decision":"remove","path":"a.pdf","text":"XOL,  SONIA"}
                {"decision":"keep","path":"a.pdf","text":"xol, sonia"}
                {"decision":"official","identity":"leandro moraes"}
                {"decision":"join","identity":"sonia xol","into":"mei huang"}
                {"decision":"join","identity":"mei huang","into":"sonia xol"}
                """)
        #expect(d.removed["a.pdf"] == ["12-12-99"])
        #expect(d.officials == ["leandro moraes"])
        #expect(d.canonical("sonia xol") == "mei huang")
        #expect(d.canonical("mei huang") == "mei huang", "a join back is no cycle")
        #expect(d.count == 6)
    }
}
