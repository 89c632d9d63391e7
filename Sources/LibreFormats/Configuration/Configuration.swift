import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The settings of a `.libre.json` file.
///
///     { "speakers": { "rep": ["Sam Lee", "Dana"] } }
///
/// Found from each linted file's folder upward (the nearest wins), or forced with
/// `--config PATH`; flags on the command line override it. Unknown keys and bad values are
/// errors with their line, so a typo never silently does nothing.
public struct Configuration: Sendable, Equatable {
  /// The file it was read from.
  public var path: String
  /// `speakers.rep`: the seller's speaker names in calls (as `--rep`).
  public var reps: [String] = []

  /// The file name looked for in each folder.
  public static let fileName = ".libre.json"

  static let topKeys = ["$schema", "speakers"]
  static let speakerKeys = ["rep"]

  /// Reads the configuration in `bytes` from `path`.
  public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Configuration {
    let lines = LineIndex(bytes)
    func fail(_ message: String, at offset: Int) -> InputError {
      InputError(path: path, line: lines.location(of: offset).line, message: message)
    }
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw fail("invalid JSON: \(error.message)", at: error.offset)
    }
    guard let members = root.members else { throw fail("the configuration must be a JSON object", at: root.offset) }
    var configuration = Configuration(path: path)
    for member in members {
      guard topKeys.contains(member.key) else {
        throw fail("unknown key \"\(member.key)\" (known: \(topKeys.joined(separator: ", ")))", at: member.keyOffset)
      }
      guard member.key == "speakers" else { continue }
      guard let speakers = member.value.members else {
        throw fail("\"speakers\" must be an object such as {\"rep\": [\"Sam\"]}", at: member.value.offset)
      }
      for speaker in speakers {
        guard speakerKeys.contains(speaker.key) else {
          throw fail("unknown key \"speakers.\(speaker.key)\" (known: speakers.rep)", at: speaker.keyOffset)
        }
        let names = speaker.value.array?.compactMap(\.string) ?? speaker.value.string.map { [$0] }
        guard let names, !names.isEmpty, names.count == (speaker.value.array?.count ?? 1),
          names.allSatisfy({ !$0.isEmpty })
        else {
          throw fail("\"speakers.rep\" must be a name or a list of names", at: speaker.value.offset)
        }
        configuration.reps = names
      }
    }
    return configuration
  }

  /// The nearest `.libre.json` from the folder of `file` upward, if any.
  public static func find(for file: String) -> String? {
    var directory = file == "-" || file == "<stdin>" ? "." : parent(of: file)
    guard let real = realpath(directory, nil) else { return nil }
    directory = String(cString: real)
    free(real)
    while true {
      let candidate = directory == "/" ? "/" + fileName : directory + "/" + fileName
      if access(candidate, F_OK) == 0 { return candidate }
      if directory == "/" || directory.isEmpty { return nil }
      directory = parent(of: directory)
      if directory.isEmpty { directory = "/" }
    }
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
