import LibreFormats

#if canImport(Glibc)
  import Glibc
#endif

/// `libre init [--force] [FOLDER]`: writes a starter `.libre.json` with every key set to
/// its usual value and explained in `"$comment"` keys (JSON has no comments; the loader
/// and the schema accept `"$comment"`, a string or a list of strings, in every object).
enum InitCommand {
  static func run(_ arguments: [String]) -> Int32 {
    var options = InitOptions()
    let folders: [String]
    do throws(UsageError) {
      folders = try OptionParser.parse(arguments, table: InitOptions.table, command: "init", into: &options)
    } catch {
      Output.error(error.description)
      return 2
    }
    guard folders.count <= 1 else {
      Output.error("init takes one folder (see libre init --help)")
      return 2
    }
    let force = options.force
    let folder = folders.first ?? "."
    let path = folder == "." ? Configuration.fileName : folder + "/" + Configuration.fileName
    if !force && access(path, F_OK) == 0 {
      Output.error("\(path): already exists (libre init --force replaces it)")
      return 2
    }
    do throws(InputError) {
      try OutputFile.write(starter, to: path)
    } catch {
      Output.error(error.description)
      return 2
    }
    Output.note("wrote \(path)")
    return 0
  }

  /// The starter configuration.
  static let starter = """
    {
      "$comment": [
        "Libre configuration. Libre uses the nearest .libre.json above each file it lints;",
        "libre lint --config PATH forces one. Keys named $comment are comments.",
        "Command-line flags (--lang, --min-score, --fail-on, --rep) override these settings.",
        "Every key: schemas/libre-config.schema.json in the Libre repository."
      ],
      "language": "auto",
      "lexicons": [],
      "rules": {
        "$comment": "A rule id or glob (libre rules lists them) and its level: off, info, warning or error.",
        "pressure.urgency.*": "error",
        "pressure.shouting.*": "warning"
      },
      "minScore": 55,
      "failOn": "error",
      "ignore": ["drafts/**"],
      "speakers": {
        "$comment": "The seller's speaker names in call transcripts (as --rep), for example [\\"Sam Lee\\"].",
        "rep": []
      },
      "profiles": {
        "$comment": "Settings per channel, over the ones above. files: globs from this folder.",
        "coldEmail": { "files": ["cold/**"], "minScore": 70 },
        "followUp": { "files": ["follow-up*/**"], "minScore": 60, "rules": { "pressure.nagging.*": "error" } },
        "transcript": { "failOn": "none", "minScore": 40 }
      }
    }

    """
}

/// The options of `libre init`.
struct InitOptions {
  var force = false

  static let table: [OptionSpec<InitOptions>] = [
    OptionSpec(["--force"], "replace an existing .libre.json") { options, _ throws(UsageError) in options.force = true }
  ]
}
