/// The prose of the help: what is common to several commands.
enum HelpTexts {
  static let walk =
    "Folders are walked in name order for .txt .text .md .markdown .html .htm .eml .vtt .srt files, .json files "
    + "that are transcripts, and files without an extension that are messages (Maildir, Enron-style trees). "
    + "Passed by, and counted in a note: what .gitignore and .libreignore match, dependency and build folders "
    + "(node_modules, vendor, dist, build, .build, .git) unless named, hidden files, README files (name one to "
    + "lint it)."

  static let analyze =
    "Every input appears once, as a result or an error. Results come out in input order whatever --jobs. A "
    + "progress bar goes to stderr when it is a terminal."

  static let eval =
    "Each document (any format lint reads) with an X.gold.json sidecar is evaluated (format: corpora/README.md), "
    + "linted with the same policy as lint (the nearest .libre.json, its rules levels). eval exits 0 when it "
    + "could evaluate everything, 2 on a usage or lexicon error, a bad sidecar or an unreadable file (the other "
    + "documents are still evaluated)."

  static let formats =
    "Formats: plain text, Markdown, HTML, .eml (MIME), WebVTT, SRT, plain transcripts (`Speaker: text`) and JSON "
    + "transcripts, by extension, else by content."

  static let defaults =
    "DEFAULTS: a false deadline, an ultimatum, a threat, a false-scarcity claim, guilt as a lever, pressure after "
    + "a hesitation, and three or more kinds of pressure in one message are errors, and an error fails the run "
    + "(--fail-on error; docs/scoring.md, severity policy). A failing document is named on stderr with why "
    + "(a.txt: fails: score 41 < --min-score 60), and each failing finding says so (fails --fail-on error)."

  static let lintNotes = defaults + "\n\n" + suppression + "\n" + exitCodes

  static let suppression = """
    SUPPRESSION (in any comment of the file, or on a line of its own)
      libre-disable RULE[,RULE] -- reason      until libre-enable (RULE may be a glob: pressure.urgency.*)
      libre-disable-next-line RULE -- reason   the next line only
      libre-disable-line RULE -- reason        the line it is on
      libre-enable [RULE]

    """

  static let exitCodes = """
    EXIT CODES
      0  no pressure finding at or above --fail-on, and every score at or above --min-score
         (thresholds from the flags, else the profile, else the nearest .libre.json)
      1  a finding or a score breached the threshold, or a --baseline gate
      2  usage, configuration, lexicon, baseline or input error (the other inputs are
         still linted)

    """
}
