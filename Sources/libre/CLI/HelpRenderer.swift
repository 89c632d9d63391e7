/// Lays out the help of a command from its table: usage, description, then each group of
/// options with its synopsis in a column and its help wrapped beside it.
enum HelpRenderer {
  /// The width help text is wrapped to.
  static let width = 92
  /// Where an option's help starts.
  static let column = 27

  /// One option as the help lists it.
  struct Entry: Sendable {
    var synopsis: String
    var help: String
    var group: String
  }

  static func render(_ command: Subcommand) -> String {
    var out = "usage: \(command.usage)\n\n"
    out += wrap(command.summary, indent: 0) + "\n"
    if !command.description.isEmpty { out += "\n" + wrap(command.description, indent: 0) + "\n" }
    var groups: [String] = []
    for entry in command.options where !groups.contains(entry.group) { groups.append(entry.group) }
    for group in groups {
      out += "\n\(group)\n"
      for entry in command.options where entry.group == group { out += option(entry) }
    }
    if !command.notes.isEmpty {
      out +=
        "\n"
        + command.notes.split(separator: "\n", omittingEmptySubsequences: false).map { line in
          // Indented lines are laid out already (tables of directives and exit codes).
          line.isEmpty || line.hasPrefix(" ") ? String(line) : wrap(String(line), indent: 0)
        }.joined(separator: "\n") + "\n"
    }
    return out
  }

  /// `  -f, --format FORMAT     text (default)…`, the help wrapped under its column.
  static func option(_ entry: Entry) -> String {
    let lead = "  " + entry.synopsis
    let body = wrap(entry.help, indent: column)
    let firstLine = body.dropFirst(column)
    if lead.count + 2 <= column {
      return lead + String(repeating: " ", count: column - lead.count) + firstLine + "\n"
    }
    return lead + "\n" + body + "\n"
  }

  /// `text` wrapped to `width`, every line indented by `indent` spaces.
  static func wrap(_ text: String, indent: Int) -> String {
    let padding = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = padding
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if line.count > indent && line.count + 1 + word.count > width {
        lines.append(line)
        line = padding
      }
      line += (line.count > indent ? " " : "") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}

extension OptionSpec {
  /// The option as the help lists it.
  var helpEntry: HelpRenderer.Entry { HelpRenderer.Entry(synopsis: synopsis, help: help, group: group) }
}
