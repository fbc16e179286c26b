/// Common English short forms of given names, so that `Bill Kilroy` in prose is recognised
/// as the official `Kilroy, William` and not taken for a different, private person.
enum Nicknames {
    static let forms: [String: Set<String>] = [
        "william": ["bill", "billy", "will", "willy", "liam"], "robert": ["bob", "bobby", "rob", "robbie", "bert"],
        "james": ["jim", "jimmy", "jamie"], "michael": ["mike", "mikey", "mick"], "thomas": ["tom", "tommy"],
        "joseph": ["joe", "joey"], "daniel": ["dan", "danny"], "david": ["dave", "davey"],
        "stephen": ["steve", "stevie"], "steven": ["steve", "stevie"], "christopher": ["chris"],
        "patrick": ["pat", "paddy"], "patricia": ["pat", "patty", "trish"], "katherine": ["kate", "katie", "kathy"],
        "kathleen": ["kathy", "katie", "kate"], "elizabeth": ["liz", "beth", "betsy", "lisa"],
        "jennifer": ["jen", "jenny"], "anthony": ["tony"], "richard": ["rick", "ricky", "dick", "rich"],
        "edward": ["ed", "eddie", "ted"], "kenneth": ["ken", "kenny"], "matthew": ["matt"],
        "gregory": ["greg"], "jeffrey": ["jeff"], "samuel": ["sam", "sammy"], "alexander": ["alex"],
        "alexis": ["alex"], "nicholas": ["nick", "nicky"], "benjamin": ["ben", "benny"], "andrew": ["andy", "drew"],
        "timothy": ["tim", "timmy"], "peter": ["pete"], "susan": ["sue", "susie"], "margaret": ["peggy", "maggie", "meg"],
        "martin": ["marty"], "lawrence": ["larry"], "raymond": ["ray"], "donald": ["don", "donny"],
        "ronald": ["ron", "ronnie"], "gerald": ["gerry", "jerry"], "francis": ["frank", "fran"],
        "frederick": ["fred", "freddy"], "charles": ["charlie", "chuck"], "john": ["jack", "johnny"],
        "jonathan": ["jon"], "deborah": ["deb", "debbie"], "rebecca": ["becky"], "cynthia": ["cindy"],
        "victoria": ["vicky", "tori"], "theodore": ["ted", "teddy"], "joshua": ["josh"], "zachary": ["zach"],
    ]

    /// Whether two folded given names can name the same person (`bill`/`william`, `alex`/`alexis`).
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if forms[a]?.contains(b) ?? false || forms[b]?.contains(a) ?? false { return true }
        // Two short forms of one name (`bill`, `will`).
        return forms.values.contains { $0.contains(a) && $0.contains(b) }
    }
}
