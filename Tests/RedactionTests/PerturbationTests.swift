import Testing

/// Issue 15 item 6b: every class of variation real releases show, over every base text and
/// four seeds, must leave no private string readable and every official named.
///
/// A case listed in a class's `known` table leaks today; its issues are recorded as known, so
/// CI stays green while the gap is on record, and the test fails ("known issue was not
/// recorded") once the redactor no longer leaks there: then delete the entry. Run with
/// `FOIAPIPE_PERTURBATION_REPORT=1` for each class's tally and its leaking cases.
@Suite struct PerturbationTests {
    @Test func baseline() {
        checkClass("baseline", Plain(), known: KnownLeaks.baseline)
    }

    @Test func ocrSplitsAndMerges() {
        checkClass("ocr-splits", OCRSplitsAndMerges(), known: KnownLeaks.ocrSplits)
    }

    @Test func labelPunctuationNoise() {
        checkClass("label-noise", LabelPunctuationNoise(), known: KnownLeaks.labelNoise)
    }

    @Test func reversedAndCapitalisedNames() {
        checkClass("reversed-names", ReversedAndCapitalisedNames(), known: KnownLeaks.reversedNames)
    }

    @Test func middleNamesAndInitials() {
        checkClass("middle-names", MiddleNamesAndInitials(), known: KnownLeaks.middleNames)
    }

    @Test func possessives() {
        checkClass("possessives", Possessives(), known: KnownLeaks.possessives)
    }

    @Test func namesOverLineBreaks() {
        checkClass("line-breaks", NamesOverLineBreaks(), known: KnownLeaks.lineBreaks)
    }

    @Test func bareIdentifiers() {
        checkClass("bare-ids", BareIdentifiers(), known: KnownLeaks.bareIDs)
    }

    @Test func regroupedIdentifiers() {
        checkClass("regrouped-ids", RegroupedIdentifiers(), known: KnownLeaks.regroupedIDs)
    }

    @Test func addressLineWraps() {
        checkClass("address-wraps", AddressLineWraps(), known: KnownLeaks.addressWraps)
    }

    @Test func otherLabelWords() {
        checkClass("label-words", OtherLabelWords(), known: KnownLeaks.labelWords)
    }

    /// Only two base texts greet their reader: eight seeds each.
    @Test func salutations() {
        checkClass(
            "salutations", Salutations(),
            bases: [PerturbationBases.familyLetterAndReply, PerturbationBases.noticeToRespondent],
            seeds: 1...8, known: KnownLeaks.salutations)
    }

    @Test func surnameAfterTitle() {
        checkClass("surname-after-title", SurnameAfterTitle(), known: KnownLeaks.surnameAfterTitle)
    }
}

/// The cases that leak or lose a must-stay string today, by class: `class/base/seed` and what.
/// Generated from `FOIAPIPE_PERTURBATION_REPORT=1` (its `KNOWN` lines); delete an entry once fixed.
enum KnownLeaks {
    static let baseline: [String: String] = [:]
    static let ocrSplits: [String: String] = [
        "ocr-splits/arrest-list/1": "given name 'Thiago' as 'hiago'",
        "ocr-splits/arrest-list/4": "given name 'Kwame' as 'wame'",
        "ocr-splits/court-clerk/1":
            "given name 'Dariusz' as 'd ariusz'; surname 'Wojcik' as 'wojcik'; given name 'Thiago' as 't hiago'; …",
        "ocr-splits/court-clerk/2":
            "given name 'Rigoberto' as 'rigoberto'; surname 'Cisneros' as 'c isneros'; given name 'Yesenia' as 'y esenia'; …",
        "ocr-splits/court-clerk/3":
            "given name 'Rigoberto' as 'r igoberto'; surname 'Cisneros' as 'c isneros'; given name 'Oksana' as 'oksa na'; …",
        "ocr-splits/court-clerk/4":
            "given name 'Graciela' as 'g raciela'; surname 'Quintanilla' as 'q uintanilla'; given name 'Thiago' as 'thiagobezerra'; …",
        "ocr-splits/detainer-form/2": "given name 'Rigoberto' as 'igoberto'",
        "ocr-splits/detainer-form/4": "given name 'Thiago' as 'iago'",
        "ocr-splits/family-letter/1":
            "given name 'Edwin' as 'edwinzelaya'; surname 'Zelaya' as 'edwinzelaya'; given name 'Yesenia' as 'y esenia'; …",
        "ocr-splits/family-letter/2":
            "given name 'Yesenia' as 'yesenia'; surname 'Ocampo' as 'o campo'; given name 'Rigoberto' as 'r igoberto'; …",
        "ocr-splits/family-letter/3":
            "given name 'Oksana' as 'oksanahrytsenko'; surname 'Hrytsenko' as 'oksanahrytsenko'; given name 'Graciela' as 'gr aciela'; …",
        "ocr-splits/family-letter/4":
            "given name 'Kwame' as 'kwameasante'; surname 'Asante' as 'kwameasante'; given name 'Lucineide' as 'l ucineide'; …",
        "ocr-splits/ice-signature/1":
            "given name 'Graciela' as 'raciela'; given name 'Yesenia' as 'yeseniaocampo'; surname 'Ocampo' as 'yeseniaocampo'",
        "ocr-splits/ice-signature/3":
            "given name 'Nkechi' as 'nke chi'; given name 'Lucineide' as 'lucineidefagundes'; surname 'Fagundes' as 'lucineidefagundes'",
        "ocr-splits/notice/1": "given name 'Lucineide' as 'l ucineide'; surname 'Fagundes' as 'fagun des'",
        "ocr-splits/notice/2": "given name 'Nkechi' as 'nk echi'; surname 'Okonkwo' as 'okonkwo'",
        "ocr-splits/notice/3": "given name 'Yesenia' as 'yeseniaocampo'; surname 'Ocampo' as 'yeseniaocampo'",
        "ocr-splits/notice/4": "given name 'Rigoberto' as 'rigob erto'; surname 'Cisneros' as 'c isneros'",
        "ocr-splits/police-to-ice/1": "surname 'Okonkwo' as 'okonkwo'",
        "ocr-splits/police-to-ice/2":
            "given name 'Graciela' as 'g raciela'; given name 'Oksana' as 'ok sana'; surname 'Hrytsenko' as 'hr ytsenko'",
        "ocr-splits/police-to-ice/3": "given name 'Kwame' as 'kwameasante'; surname 'Asante' as 'kwameasante'",
        "ocr-splits/police-to-ice/4": "surname 'Okonkwo' as 'o konkwo'",
        "ocr-splits/record-printout/2": "given name 'Dariusz' as 'ariusz'",
        "ocr-splits/record-printout/3": "given name 'Oksana' as 'ksana'",
    ]
    static let labelNoise: [String: String] = [
        "label-noise/arrest-list/1": "lost '11/12/2016 0700'; lost '11/13/2016 0700'",
    ]
    static let reversedNames: [String: String] = [
        "reversed-names/arrest-list/1": "given name 'Edwin' as 'edwin'; surname 'Zelaya' as 'zelaya'",
        "reversed-names/arrest-list/4": "given name 'Lucineide' as 'lucineide'; surname 'Fagundes' as 'fagundes'",
        "reversed-names/notice/2": "given name 'Nkechi' as 'nkechi'",
        "reversed-names/record-printout/3": "given name 'Oksana' as 'oksana'; surname 'Hrytsenko' as 'hrytsenko'",
    ]
    static let middleNames: [String: String] = [:]
    static let possessives: [String: String] = [
        "possessives/court-clerk/1": "given name 'Dariusz' as 'dariusz'",
    ]
    static let lineBreaks: [String: String] = [
        "line-breaks/court-clerk/1":
            "given name 'Dariusz' as 'da riusz'; surname 'Wojcik' as 'wojcik'; given name 'Thiago' as 'thiago'; …",
        "line-breaks/court-clerk/2":
            "given name 'Rigoberto' as 'r igoberto'; surname 'Cisneros' as 'cisneros'; given name 'Yesenia' as 'y esenia'; …",
        "line-breaks/court-clerk/3":
            "given name 'Rigoberto' as 'rigoberto'; surname 'Cisneros' as 'c isneros'; given name 'Oksana' as 'oksana'; …",
        "line-breaks/court-clerk/4": "given name 'Thiago' as 't hiago'; surname 'Bezerra' as 'bezerra'",
        "line-breaks/detainer-form/1": "surname 'Quintanilla' as 'quintanil la'",
        "line-breaks/family-letter/2":
            "given name 'Yesenia' as 'yesenia'; surname 'Ocampo' as 'o campo'; surname 'Cisneros' as 'cisneros'",
        "line-breaks/family-letter/3":
            "given name 'Oksana' as 'oksana'; surname 'Hrytsenko' as 'hrytsenko'; surname 'Quintanilla' as 'quintani lla'",
        "line-breaks/family-letter/4":
            "given name 'Kwame' as 'kw ame'; surname 'Asante' as 'asante'; surname 'Fagundes' as 'fagundes'",
        "line-breaks/ice-signature/1": "given name 'Yesenia' as 'yesenia'; surname 'Ocampo' as 'o campo'",
        "line-breaks/ice-signature/2": "given name 'Lucineide' as 'l ucineide'; surname 'Fagundes' as 'fagundes'",
        "line-breaks/ice-signature/3":
            "surname 'Okonkwo' as 'ok onkwo'; given name 'Lucineide' as 'lucineide'; surname 'Fagundes' as 'fag undes'",
        "line-breaks/ice-signature/4":
            "given name 'Dariusz' as 'd ariusz'; surname 'Wojcik' as 'woj cik'; given name 'Yesenia' as 'y esenia'; …",
        "line-breaks/notice/1": "given name 'Lucineide' as 'lucineide'; surname 'Fagundes' as 'fagu ndes'",
        "line-breaks/notice/2": "given name 'Nkechi' as 'nkechi'; surname 'Okonkwo' as 'okonkwo'",
        "line-breaks/notice/3": "given name 'Yesenia' as 'yesenia'; surname 'Ocampo' as 'ampo'",
        "line-breaks/notice/4": "given name 'Rigoberto' as 'rigoberto'; surname 'Cisneros' as 'c isneros'",
        "line-breaks/police-to-ice/1": "surname 'Okonkwo' as 'okonkwo'",
        "line-breaks/police-to-ice/2": "surname 'Hrytsenko' as 'hrytsenko'",
        "line-breaks/police-to-ice/3": "surname 'Asante' as 'asante'",
        "line-breaks/police-to-ice/4": "surname 'Okonkwo' as 'o konkwo'",
    ]
    static let bareIDs: [String: String] = [:]
    static let regroupedIDs: [String: String] = [:]
    static let addressWraps: [String: String] = [
        "address-wraps/arrest-list/1": "address '23 Ruthven'",
        "address-wraps/arrest-list/2": "address '168 Geneva'",
        "address-wraps/arrest-list/3": "address '3 Glenway'",
        "address-wraps/arrest-list/4": "address '150 Hancock'",
        "address-wraps/family-letter/2": "address '185 Glenway'",
        "address-wraps/notice/1": "address '21 Hancock'",
        "address-wraps/notice/3": "address '65 Spencer'",
        "address-wraps/police-to-ice/3": "address '208 Ruthven'",
        "address-wraps/record-printout/1": "address '219 Harvard'",
    ]
    static let labelWords: [String: String] = [:]
    static let salutations: [String: String] = [
        "salutations/notice/1": "given name 'Lucineide' as 'lucineide'",
        "salutations/notice/4": "given name 'Rigoberto' as 'rigoberto'",
        "salutations/notice/5": "given name 'Lucineide' as 'lucineide'",
    ]
    static let surnameAfterTitle: [String: String] = [:]
}
