import Verification

/// The `eval.json` form of each score.
///
/// Every metric object starts with `status` (`ok`, `not built`, `no truth`); one that is not
/// `ok` carries a `reason` and no numbers, so nothing unmeasured can be read as a zero.
extension EvaluationReport {
    /// The text of `eval.json`, ending with a newline.
    package func json() -> String {
        let node = JSONNode.object([
            (
                "truth",
                .object([
                    ("folder", .string(truthFolder)), ("documents", .int(truthDocuments)),
                    ("communications", .int(truthCommunications)),
                ])
            ),
            (
                "output",
                .object([
                    ("folder", .string(outputFolder)), ("communications_file", .optional(recordsFile)),
                    ("records", .int(records)), ("paths_without_truth", .array(pathsWithoutTruth.map { .string($0) })),
                    ("documents_without_output", .array(documentsWithoutOutput.map { .string($0) })),
                ])
            ),
            ("segmentation", segmentation.node),
            ("headers", headers.node),
            ("detainer", detainer.node),
            ("offenses", offenses.node),
            ("counts", counts.node),
            ("leaks", leaks.node),
            ("over_redaction", overRedaction.node),
        ])
        return node.pretty() + "\n"
    }
}

extension MetricStatus {
    /// `status` and, when not measured, `reason`, followed by `rest` only when measured.
    func node(_ rest: @autoclosure () -> [(String, JSONNode)]) -> JSONNode {
        var members: [(String, JSONNode)] = [("status", .string(label))]
        if let reason { members.append(("reason", .string(reason))) } else { members += rest() }
        return .object(members)
    }
}

extension PrecisionRecall {
    var members: [(String, JSONNode)] {
        [
            ("precision", .ratio(precision)), ("recall", .ratio(recall)), ("f1", .ratio(f1)),
            ("true_positives", .int(truePositives)), ("false_positives", .int(falsePositives)),
            ("false_negatives", .int(falseNegatives)),
        ]
    }
    var node: JSONNode { .object(members) }
}

extension Accuracy {
    func node(_ status: MetricStatus) -> JSONNode {
        status.node([("accuracy", .ratio(value)), ("correct", .int(correct)), ("total", .int(total))])
    }
}

extension SegmentationScore {
    var node: JSONNode {
        status.node([
            ("f1", .ratio(strict.f1)),
            ("strict", strict.node),
            ("start_only", startOnly.node),
            (
                "by_rendition",
                .object(
                    byRendition.map {
                        ($0.rendition, .object([("strict", $0.strict.node), ("start_only", $0.startOnly.node)]))
                    })
            ),
            (
                "missed",
                .array(
                    missed.map {
                        .object([
                            ("path", .string($0.path)), ("page_start", .int($0.pageStart)),
                            ("page_end", .int($0.pageEnd)),
                            ("predicted_page_end", $0.predictedPageEnd.map { .int($0) } ?? .null),
                        ])
                    })
            ),
            (
                "spurious",
                .array(
                    spurious.map {
                        .object([
                            ("path", .string($0.path)), ("page_start", .int($0.pageStart)),
                            ("page_end", .int($0.pageEnd)),
                            ("line", .int($0.line)),
                        ])
                    })
            ),
        ])
    }
}

extension HeaderScore {
    var node: JSONNode {
        status.node([
            ("file", .optional(file)),
            ("matched", .int(matched)),
            (
                "fields",
                .object(
                    fields.map { field in
                        (
                            field.name,
                            field.status.node([
                                ("accuracy", .ratio(field.accuracy.value)), ("correct", .int(field.accuracy.correct)),
                                ("total", .int(field.accuracy.total)), ("redacted", .int(field.redacted)),
                                (
                                    "mismatches",
                                    .array(
                                        field.mismatches.map {
                                            .object([
                                                ("path", .string($0.path)), ("page_start", .int($0.pageStart)),
                                                ("truth", .string($0.truth)), ("predicted", .string($0.predicted)),
                                            ])
                                        })
                                ),
                            ])
                        )
                    })
            ),
        ])
    }
}

extension DetainerScore {
    var node: JSONNode {
        status.node(
            present.members + [
                ("forms", forms.node(formsStatus)),
                (
                    "mismatches",
                    .array(
                        mismatches.map {
                            .object([
                                ("path", .string($0.path)), ("page_start", .int($0.pageStart)),
                                ("truth", .string($0.truth)), ("predicted", .string($0.predicted)),
                            ])
                        })
                ),
            ])
    }
}

extension OffenseScore {
    var node: JSONNode {
        status.node([
            ("categories", categories.node),
            ("level", level.node(levelStatus)),
            ("offense_status", offenseStatus.node(statusStatus)),
            ("severity", severity.node(severityStatus)),
            (
                "mismatches",
                .array(
                    mismatches.map {
                        .object([
                            ("path", .string($0.path)), ("page_start", .int($0.pageStart)),
                            ("field", .string($0.field)),
                            ("truth", .string($0.truth)), ("predicted", .string($0.predicted)),
                        ])
                    })
            ),
        ])
    }
}

extension CountsScore {
    var node: JSONNode {
        func cells(_ c: CountsSheet.Cells?) -> JSONNode {
            c.map { .object([("communications", .int($0.communications)), ("with_detainer", .int($0.withDetainer))]) }
                ?? .null
        }
        return status.node([
            ("relative_error", .ratio(relativeError)),
            ("absolute_error", .int(absoluteError)),
            ("truth_total", .int(truthTotal)),
            ("rows", .int(rows)),
            (
                "diffs",
                .array(
                    diffs.map {
                        .object([
                            ("category", .string($0.key.category)), ("level", .string($0.key.level)),
                            ("truth", cells($0.truth)), ("predicted", cells($0.predicted)),
                        ])
                    })
            ),
        ])
    }
}

extension LeakScore {
    var node: JSONNode {
        var members: [(String, JSONNode)] = [("status", .string(status.label))]
        if let reason = status.reason { members.append(("reason", .string(reason))) }
        members.append(("sources", .object(sources.map { ($0.name, .string($0.state)) })))
        guard status.isOK else { return .object(members) }
        members += [
            ("total", .int(leaks.count)),
            ("pii_strings", .int(piiStrings)),
            ("strings_leaked", .int(stringsLeaked)),
            ("ocr_variants_of_keeps_ignored", .int(ocrVariantsOfKeeps)),
            ("ocr_variants_that_are_ordinary_words_ignored", .int(ocrVariantsThatAreWords)),
            (
                "by_type",
                .object(
                    byType.map {
                        ($0.type, .object([("strings", .int($0.strings)), ("occurrences", .int($0.occurrences))]))
                    })
            ),
            (
                "leaks",
                .array(
                    leaks.map {
                        .object([
                            ("text", .string($0.text)), ("type", .string($0.type)), ("file", .string($0.file)),
                            ("location", .string($0.location)), ("match", .string($0.match.rawValue)),
                            ("found", .string($0.found)),
                        ])
                    })
            ),
        ]
        return .object(members)
    }
}

extension KeepScore {
    var node: JSONNode {
        status.node([
            ("keep_strings", .int(total)),
            ("missing", .int(missing.count)),
            ("missing_percent", missingShare.map { .number($0 * 100, decimals: 2) } ?? .null),
            (
                "missing_list",
                .array(
                    missing.map {
                        .object([("path", .string($0.path)), ("text", .string($0.text)), ("kind", .optional($0.kind))])
                    })
            ),
            ("unsearched_documents", .array(unsearchedDocuments.map { .string($0) })),
        ])
    }
}
