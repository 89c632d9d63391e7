import LibreFormats

/// A mistake on the command line.
struct UsageError: Error, CustomStringConvertible {
  var description: String
}

/// One option of a subcommand: its names, its value's name (nil for a switch), its help,
/// and what it does to the command's options. Parsing, `--help` and `docs/cli.md` are all
/// made from these entries, so a new flag is one entry.
struct OptionSpec<Options>: Sendable {
  /// `["--format", "-f"]`: the long name first.
  let names: [String]
  /// The value's name in the help (`FORMAT`); nil for a switch.
  let value: String?
  /// One or more sentences; the help wraps it.
  let help: String
  /// The heading it is listed under in the help.
  var group = "OPTIONS"
  /// A switch that may also take `=value` (`--color`, `--color=never`).
  var optionalValue = false
  /// Sets the option; a switch gets "" (or its `=value`).
  let apply: @Sendable (inout Options, String) throws(UsageError) -> Void

  init(
    _ names: [String], _ value: String? = nil, group: String = "OPTIONS", optionalValue: Bool = false,
    _ help: String, apply: @escaping @Sendable (inout Options, String) throws(UsageError) -> Void
  ) {
    self.names = names
    self.value = value
    self.help = help
    self.group = group
    self.optionalValue = optionalValue
    self.apply = apply
  }

  /// A switch: an option without a value.
  init(
    _ names: [String], group: String = "OPTIONS", _ help: String,
    apply: @escaping @Sendable (inout Options, String) throws(UsageError) -> Void
  ) {
    self.init(names, nil, group: group, help, apply: apply)
  }

  /// This option set on the `Outer` options at `path` (analyze's lint options).
  func lifted<Outer>(_ path: WritableKeyPath<Outer, Options> & Sendable) -> OptionSpec<Outer> {
    let apply = self.apply
    return OptionSpec<Outer>(names, value, group: group, optionalValue: optionalValue, help) {
      (outer: inout Outer, text: String) throws(UsageError) in
      try apply(&outer[keyPath: path], text)
    }
  }

  /// `-f, --format FORMAT`, as the help lists it.
  var synopsis: String {
    let short = names.filter { !$0.hasPrefix("--") }
    let long = names.filter { $0.hasPrefix("--") }
    var text = (short + long).joined(separator: ", ")
    if let value { text += optionalValue ? "[=\(value)]" : " \(value)" }
    return short.isEmpty ? "    " + text : text
  }
}

/// Reads arguments against a table of `OptionSpec`s: `--flag value`, `--flag=value`,
/// `-f value`, `-fvalue`, `--` (all that follows are paths) and `-` (standard input).
enum OptionParser {
  /// Applies every option of `arguments` to `options`; returns the operands in order.
  static func parse<Options>(
    _ arguments: [String], table: [OptionSpec<Options>], command: String, into options: inout Options
  ) throws(UsageError) -> [String] {
    var byName: [String: OptionSpec<Options>] = [:]
    for spec in table { for name in spec.names { byName[name] = spec } }
    var operands: [String] = []
    var index = 0
    var onlyOperands = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyOperands || !argument.hasPrefix("-") || argument == "-" {
        operands.append(argument)
        continue
      }
      if argument == "--" {
        onlyOperands = true
        continue
      }
      var name = argument
      var attached: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        attached = String(argument[argument.index(after: equals)...])
      } else if !argument.hasPrefix("--"), argument.count > 2 {
        // `-j1`, `-ojson.out`: a short option with its value attached, as getopt reads it.
        name = String(argument.prefix(2))
        attached = String(argument.dropFirst(2))
        if attached!.hasPrefix("=") { attached!.removeFirst() }
      }
      guard let spec = byName[name] else {
        let hint = Suggestion.hint(for: name, among: Array(byName.keys).sorted() + ["--help"])
        throw UsageError(description: CLIMessages.unknownOption(argument, command: command, hint: hint))
      }
      if spec.value == nil || spec.optionalValue {
        if attached != nil && !spec.optionalValue { throw UsageError(description: CLIMessages.takesNoValue(name)) }
        try spec.apply(&options, attached ?? "")
        continue
      }
      let value: String
      if let attached {
        value = attached
      } else {
        guard index < arguments.count else { throw UsageError(description: CLIMessages.needsValue(name, spec.value!)) }
        value = arguments[index]
        index += 1
      }
      try spec.apply(&options, value)
    }
    return operands
  }
}

/// What the command line says when it is misused.
enum CLIMessages {
  static func unknownOption(_ argument: String, command: String, hint: String) -> String {
    "unknown option '\(argument)' for \(command)\(hint) (see libre \(command) --help)"
  }
  static func takesNoValue(_ flag: String) -> String { "\(flag) takes no value" }
  static func needsValue(_ flag: String, _ value: String) -> String { "\(flag) needs a value (\(flag) \(value))" }
  static func unknownCommand(_ word: String, hint: String) -> String {
    "unknown command '\(word)'\(hint): not a command, and no file or folder has that name (see libre --help)"
  }
  static func unknownValue(_ flag: String, _ text: String, known: [String]) -> String {
    "unknown \(flag) value '\(text)'\(Suggestion.hint(for: text, among: known)) (\(known.joined(separator: ", ")))"
  }
  static func unexpectedOperand(_ command: String, _ operand: String) -> String {
    "libre \(command) takes no '\(operand)' (see libre \(command) --help)"
  }
}

/// Values checked against a list of names, with "did you mean" on a typo.
enum OptionValues {
  static func choice<T: RawRepresentable & CaseIterable>(
    _ text: String, flag: String, as type: T.Type = T.self
  ) throws(UsageError) -> T where T.RawValue == String {
    if let value = T(rawValue: text) { return value }
    throw UsageError(description: CLIMessages.unknownValue(flag, text, known: T.allCases.map(\.rawValue)))
  }

  static func choice(_ text: String, flag: String, among names: [String]) throws(UsageError) -> String {
    if names.contains(text) { return text }
    throw UsageError(description: CLIMessages.unknownValue(flag, text, known: names))
  }

  /// A whole number in `range`.
  static func number(_ text: String, flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
    guard let value = Int(text), range.contains(value) else {
      throw UsageError(
        description: "\(flag) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
    }
    return value
  }
}
