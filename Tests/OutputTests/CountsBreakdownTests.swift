import Output
import Testing

@Suite struct CountsBreakdownTests {
    let entries: [CountsBreakdown.Entry] = [
        .init(id: "a", month: "2017-05", offenses: [("larceny", "felony")], detainer: true, isDuplicate: false),
        .init(
            id: "b", month: "2017-05", offenses: [("larceny", "misdemeanor"), ("trespass", "misdemeanor")],
            detainer: false, isDuplicate: false),
        // The same message printed again is not counted.
        .init(id: "c", month: "2017-05", offenses: [("larceny", "felony")], detainer: true, isDuplicate: true),
        .init(id: "d", month: nil, offenses: [], detainer: true, isDuplicate: false),
    ]

    @Test func byCategoryAndLevelIsCountsCSV() {
        let table = CountsTable(entries.map { .init(offenses: $0.offenses, detainer: $0.detainer, isDuplicate: $0.isDuplicate) })
        #expect(CountsBreakdown(entries, by: [.category, .level]).csv == table.csv)
    }

    @Test func dimensionsCombineInTheOrderGiven() {
        let t = CountsBreakdown(entries, by: [.month, .detainer])
        #expect(
            t.csv
                == "month,detainer,communications,with_detainer\n2017-05,false,1,0\n2017-05,true,1,1\nundated,true,1,1\nALL,ALL,3,2\n")
        #expect(t.rows.map(\.ids) == [["b"], ["a"], ["d"]])
        // A communication counts once per category, whatever its levels; one without offenses only in the total.
        let c = CountsBreakdown(entries, by: [.category])
        #expect(c.rows.map(\.key) == [["larceny"], ["trespass"]])
        #expect(c.rows.map(\.communications) == [2, 1])
        #expect(c.total == 3 && c.totalWithDetainer == 2)
        #expect(CountsBreakdown(entries, by: [.level, .level]).dimensions == [.level])
    }

    @Test func formats() {
        let t = CountsBreakdown(entries, by: [.detainer])
        #expect(
            t.json
                == "{\"by\":[\"detainer\"],\"rows\":[{\"detainer\":false,\"communications\":1,\"with_detainer\":0},"
                + "{\"detainer\":true,\"communications\":2,\"with_detainer\":2}],\"communications\":3,\"with_detainer\":2}\n")
        #expect(t.markdown.hasPrefix("| detainer | communications | with a detainer |\n|---|---:|---:|\n| no | 1 | 0 |\n| yes | 2 | 2 |\n"))
    }

    @Test func monthsComeFromISOSendTimes() {
        #expect(CountsBreakdown.month(ofSent: "2017-05-10T14:32:00-04:00") == "2017-05")
        #expect(CountsBreakdown.month(ofSent: nil) == nil)
        #expect(CountsBreakdown.month(ofSent: "May 10, 2017") == nil)
    }
}
