import Output

/// `public/metadata.json`: titles, descriptions, units and suggested facets for serving
/// `foiapipe.sqlite` with Datasette (`datasette foiapipe.sqlite -m metadata.json`).
///
/// Fixed text: it describes the schema of `PublicDatabase`, never the data.
public enum DatasetteMetadata {
    public static func write(to path: String) throws {
        let file = try AtomicFile(path: path)
        do {
            try file.write(json)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    public static let json = """
        {
          "title": "foiapipe: redacted communications of a public-records release",
          "description": "Emails and documents of the release, one row per communication, redacted by foiapipe: private persons are [PERSON-XXXX] tags, identifiers placeholders such as [DOB] or [A-NUMBER]. Duplicates (the same message printed again) have is_duplicate = 1 and are left out of counts.",
          "custom_units": ["page = [page]", "communication = [communication]", "box = [box]", "span = [span]"],
          "databases": {
            "foiapipe": {
              "title": "foiapipe release database",
              "description": "Tables communications, recipients, offenses, quoted and counts; full-text search over the redacted subject and body.",
              "tables": {
                "communications": {
                  "title": "Communications",
                  "description": "One row per published communication (an email with the pages that follow it, or the pages before the first email of a file). Text is redacted; detainer is 1 when an ICE detainer or immigration warrant was requested, issued, lodged or is on file; severity is the level of the most serious offense named.",
                  "facets": ["month", "detainer", "severity", "kind", "is_duplicate"],
                  "fts_table": "communications_fts",
                  "fts_pk": "rowid",
                  "searchmode": "raw",
                  "units": {"page_start": "page", "page_end": "page", "existing_redaction_boxes": "box", "redaction_count": "span"},
                  "columns": {
                    "id": "Stable id of the communication (the id in communications.jsonl and report.html)",
                    "kind": "email or document",
                    "path": "The released PDF, relative to the folder it was found in",
                    "sha256": "SHA-256 of the released PDF",
                    "page_start": "First page of the communication in the PDF",
                    "page_end": "Last page",
                    "bates_start": "Bates number printed on the first page, if any",
                    "bates_end": "Bates number printed on the last page, if any",
                    "ocr": "1 when any of its pages was read by OCR",
                    "sender": "The From header, redacted",
                    "sent": "When it was sent, ISO 8601 with its offset",
                    "month": "YYYY-MM of sent",
                    "subject": "The Subject header, redacted",
                    "attachments": "Attachment file names as a JSON list, redacted",
                    "body": "The message text, redacted",
                    "detainer": "1 when a detainer or immigration warrant is requested, issued, lodged or on file",
                    "detainer_forms": "Form numbers involved (I-247A, I-200 ...) as a JSON list",
                    "severity": "felony, misdemeanor, civil, unknown or none: the most serious offense named",
                    "offense_count": "Number of offense categories attributed to someone",
                    "redaction_count": "Spans foiapipe redacted",
                    "redactions": "Spans redacted by type, as a JSON object",
                    "existing_redaction_boxes": "Redaction boxes the releasing agency had already applied",
                    "exemption_codes": "Exemption codes printed by the agency, as a JSON list",
                    "duplicate_of": "Id of the earlier communication this one repeats",
                    "is_duplicate": "1 when duplicate_of is set; counts leave these out"
                  }
                },
                "offenses": {
                  "title": "Offenses",
                  "description": "One row per offense category a communication attributes to a person. detainer, month and is_duplicate repeat the communication's, for faceting: offenses where is_duplicate = 0, faceted by category and level, give the counts of counts.csv.",
                  "facets": ["category", "level", "detainer", "month", "status"],
                  "units": {"page": "page"},
                  "columns": {
                    "communication_id": "The communication (communications.id)",
                    "position": "Order within the communication",
                    "category": "Offense category of the pipeline's offense table",
                    "level": "felony, misdemeanor, civil or unknown",
                    "statute": "The statute the category stands for",
                    "violent": "1 for a violent offense",
                    "status": "suspected, arrested, charged, convicted, dismissed or unknown",
                    "page": "Page of the PDF where the deciding mention is printed",
                    "evidence": "The sentence that decided it, redacted",
                    "detainer": "The communication's detainer (1 or 0)",
                    "month": "The communication's month (YYYY-MM of sent)",
                    "is_duplicate": "1 when the communication repeats an earlier one"
                  }
                },
                "recipients": {
                  "title": "Recipients",
                  "description": "To, Cc and Bcc of each communication, one row per recipient, redacted.",
                  "facets": ["field"],
                  "columns": {
                    "communication_id": "The communication (communications.id)",
                    "field": "to, cc or bcc",
                    "position": "Order within the field",
                    "recipient": "The recipient as printed, redacted"
                  }
                },
                "quoted": {
                  "title": "Quoted messages",
                  "description": "Messages quoted or forwarded inside a communication's body: their headers, redacted.",
                  "columns": {
                    "communication_id": "The communication (communications.id)",
                    "position": "Order within the body",
                    "sender": "From, redacted",
                    "sent": "When it was sent, ISO 8601",
                    "subject": "Subject, redacted"
                  }
                },
                "counts": {
                  "title": "Counts per offense",
                  "description": "The rows of counts.csv: communications naming each offense category at each level, duplicates left out, and those with a detainer. The ALL row counts every communication.",
                  "facets": ["level"],
                  "units": {"communications": "communication", "with_detainer": "communication"},
                  "columns": {
                    "category": "Offense category (ALL for the total)",
                    "level": "Level (ALL for the total)",
                    "communications": "Communications naming it, duplicates left out",
                    "with_detainer": "Of them, with a detainer"
                  }
                },
                "communications_fts": {"hidden": true},
                "communications_fts_config": {"hidden": true},
                "communications_fts_data": {"hidden": true},
                "communications_fts_docsize": {"hidden": true},
                "communications_fts_idx": {"hidden": true}
              }
            }
          }
        }

        """
}
