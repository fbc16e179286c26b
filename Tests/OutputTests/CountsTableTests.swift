import Output
import Testing

@Suite struct CountsTableTests {
    @Test func rowsFollowTheContract() {
        let table = CountsTable([
            .init(offenses: [("unlicensed_operation", "misdemeanor")], detainer: true, isDuplicate: false),
            .init(offenses: [("unlicensed_operation", "misdemeanor"), ("larceny", "felony")], detainer: false, isDuplicate: false),
            // The same message printed again is not counted twice.
            .init(offenses: [("unlicensed_operation", "misdemeanor")], detainer: true, isDuplicate: true),
            .init(offenses: [], detainer: true, isDuplicate: false),
        ])
        #expect(
            table.csv
                == "category,level,communications,with_detainer\nlarceny,felony,1,0\nunlicensed_operation,misdemeanor,2,1\nALL,ALL,3,2\n")
        #expect(table.bySeverity["felony"]?.communications == 1)
        #expect(table.bySeverity["misdemeanor"]?.withDetainer == 1)
        #expect(table.bySeverity["none"]?.withDetainer == 1)
        #expect(table.markdown.contains("| unlicensed operation | misdemeanor | 2 | 1 |"))
        #expect(table.json.contains("\"with_detainer\":2}"))
    }

    @Test func anOffenseListedTwiceInOneCommunicationCountsOnce() {
        let table = CountsTable([
            .init(offenses: [("larceny", "unknown"), ("larceny", "unknown")], detainer: false, isDuplicate: false)
        ])
        #expect(table.rows.first?.communications == 1)
    }
}

@Suite struct JSONTextTests {
    @Test func numbersAndStringsAreWrittenCanonically() {
        var j = JSONText()
        j.beginObject()
        j.key("a")
        j.number(12.50)
        j.key("b")
        j.number(-0.04, decimals: 1)
        j.field("c", "quote \" slash \\ line\nend\u{01}")
        j.field(strings: "d", [])
        j.endObject()
        #expect(j.text == #"{"a":12.5,"b":0,"c":"quote \" slash \\ line\nend\u0001","d":[]}"#)
    }
}
