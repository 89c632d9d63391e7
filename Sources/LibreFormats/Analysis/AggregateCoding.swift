import LibreKit

/// The partial-aggregate file of `libre analyze --emit-partial`, read back by `libre merge`:
/// the whole `AnalysisAggregate`, every count kept (no top-N cut), so merging partials is
/// exact. Keys are written sorted, so the same aggregate always gives the same bytes.
public enum AggregateCoding {
  /// The file's `type` member, so a stray JSON file is refused by name.
  public static let fileType = "libre-analysis-partial"

  public static func encode(_ aggregate: AnalysisAggregate) -> String {
    let root: JSONOutput = .object([
      ("type", .string(fileType)),
      ("version", .int(AnalysisAggregate.version)),
      ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
      ("documents", .int(aggregate.documents)),
      ("errors", .int(aggregate.errors)),
      ("findings", .int(aggregate.findings)),
      ("words", .int(aggregate.words)),
      ("scoreCounts", .array(aggregate.scoreCounts.map(JSONOutput.int))),
      ("freedomSum", .int(aggregate.freedomSum)),
      ("pressureSum", .int(aggregate.pressureSum)),
      ("engagementSum", .int(aggregate.engagementSum)),
      ("polarities", counts(aggregate.polarities)),
      ("categories", counts(aggregate.categories)),
      ("rules", counts(aggregate.rules)),
      ("phrases", counts(aggregate.phrases)),
      ("freedomPhrases", counts(aggregate.freedomPhrases)),
      ("calls", calls(aggregate.calls)),
      ("groups", groupsObject(aggregate.groups)),
    ])
    guard case .object(var members) = root else { return root.serialized(pretty: false) + "\n" }
    // Only runs with `--by` write trends: partials of other runs keep their bytes.
    if !aggregate.trends.isEmpty {
      let trends = aggregate.trends
      members.append(
        (
          "trends",
          .object([
            ("periods", groupsObject(trends.periods)),
            (
              "groups",
              .object(trends.groups.keys.sorted().map { ($0, groupsObject(trends.groups[$0]!)) })
            ),
          ])
        ))
    }
    if !aggregate.senders.isEmpty {
      let senders = aggregate.senders
      members.append(
        (
          "senders",
          .object([
            ("groups", groupsObject(senders.senders)),
            ("names", .object(senders.names.keys.sorted().map { ($0, counts(senders.names[$0]!)) })),
          ])
        ))
    }
    return JSONOutput.object(members).serialized(pretty: false) + "\n"
  }

  static func groupsObject(_ groups: [String: GroupAggregate]) -> JSONOutput {
    .object(
      groups.keys.sorted().map { key in
        let group = groups[key]!
        return (
          key,
          .object([
            ("documents", .int(group.documents)),
            ("scoreCounts", .array(group.scoreCounts.map(JSONOutput.int))),
            ("findings", .int(group.findings)),
            ("pressureFindings", .int(group.pressureFindings)),
            ("freedomFindings", .int(group.freedomFindings)),
            ("words", .int(group.words)),
            ("calls", calls(group.calls)),
          ])
        )
      })
  }

  static func counts(_ counts: [String: Int]) -> JSONOutput {
    .object(counts.keys.sorted().map { ($0, .int(counts[$0]!)) })
  }

  static func calls(_ calls: CallTotals) -> JSONOutput {
    .object([
      ("calls", .int(calls.calls)), ("turns", .int(calls.turns)),
      ("talkPermilleSum", .int(calls.talkPermilleSum)), ("talkMeasured", .int(calls.talkMeasured)),
      ("repQuestions", .int(calls.repQuestions)), ("repOpenQuestions", .int(calls.repOpenQuestions)),
      ("hesitations", .int(calls.hesitations)),
      ("pressureAfterHesitation", .int(calls.pressureAfterHesitation)),
      ("freedomAfterHesitation", .int(calls.freedomAfterHesitation)),
      ("timedCalls", .int(calls.timedCalls)), ("pauseMillisSum", .int(calls.timing.pauseMillisSum)),
      ("pauses", .int(calls.timing.pauses)), ("overlaps", .int(calls.timing.overlaps)),
      ("cutInsOnHesitation", .int(calls.timing.cutInsOnHesitation)),
      ("timedRepWords", .int(calls.timing.repWords)), ("repMillis", .int(calls.timing.repMillis)),
    ])
  }

  /// Reads a partial written by `encode`; `path` names the file in errors.
  public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> AnalysisAggregate {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw InputError(path: path, message: "invalid JSON at byte \(error.offset): \(error.message)")
    }
    guard root["type"]?.string == fileType else {
      throw InputError(path: path, message: "not a partial aggregate (written by libre analyze --emit-partial)")
    }
    let version = root["version"]?.number.map { Int($0) }
    guard version == AnalysisAggregate.version else {
      throw InputError(
        path: path,
        message:
          "partial aggregate version \(version.map(String.init) ?? "?"), this libre reads version \(AnalysisAggregate.version)"
      )
    }
    let reader = Reader(path: path)
    var aggregate = AnalysisAggregate()
    aggregate.documents = try reader.int(root, "documents")
    aggregate.errors = try reader.int(root, "errors")
    aggregate.findings = try reader.int(root, "findings")
    aggregate.words = try reader.int(root, "words")
    aggregate.scoreCounts = try reader.scoreCounts(root)
    aggregate.freedomSum = try reader.int(root, "freedomSum")
    aggregate.pressureSum = try reader.int(root, "pressureSum")
    aggregate.engagementSum = try reader.int(root, "engagementSum")
    aggregate.polarities = try reader.counts(root, "polarities")
    aggregate.categories = try reader.counts(root, "categories")
    aggregate.rules = try reader.counts(root, "rules")
    aggregate.phrases = try reader.counts(root, "phrases")
    // Absent from partials written before it was kept: their phrases read as pressure.
    aggregate.freedomPhrases = try reader.counts(root, "freedomPhrases")
    aggregate.calls = try reader.calls(root)
    aggregate.groups = try reader.groups(root["groups"])
    if let senders = root["senders"] {
      aggregate.senders.senders = try reader.groups(senders["groups"])
      for member in senders["names"]?.members ?? [] {
        aggregate.senders.names[member.key] = try reader.counts(senders["names"]!, member.key)
      }
    }
    if let trends = root["trends"] {
      aggregate.trends.periods = try reader.groups(trends["periods"])
      for member in trends["groups"]?.members ?? [] {
        aggregate.trends.groups[member.key] = try reader.groups(member.value)
      }
    }
    return aggregate
  }

  /// Reads integer members, naming the member that is missing or not an integer.
  struct Reader {
    let path: String

    /// An object of `GroupAggregate`s by key (none when absent).
    func groups(_ object: JSONValue?) throws(InputError) -> [String: GroupAggregate] {
      var groups: [String: GroupAggregate] = [:]
      for member in object?.members ?? [] {
        var group = GroupAggregate()
        group.documents = try int(member.value, "documents")
        group.scoreCounts = try scoreCounts(member.value)
        group.findings = try int(member.value, "findings")
        group.pressureFindings = try int(member.value, "pressureFindings")
        group.freedomFindings = try int(member.value, "freedomFindings")
        group.words = try int(member.value, "words")
        group.calls = try calls(member.value)
        groups[member.key] = group
      }
      return groups
    }

    func int(_ object: JSONValue, _ key: String) throws(InputError) -> Int {
      guard let number = object[key]?.number, number == number.rounded(), number >= 0, number < 1e15 else {
        throw InputError(path: path, message: "partial aggregate: \"\(key)\" is missing or not a count")
      }
      return Int(number)
    }

    func counts(_ object: JSONValue, _ key: String) throws(InputError) -> [String: Int] {
      var counts: [String: Int] = [:]
      for member in object[key]?.members ?? [] { counts[member.key] = try int(object[key]!, member.key) }
      return counts
    }

    func scoreCounts(_ object: JSONValue) throws(InputError) -> [Int] {
      guard let values = object["scoreCounts"]?.array, values.count == 101 else {
        throw InputError(path: path, message: "partial aggregate: \"scoreCounts\" must hold 101 counts")
      }
      var counts: [Int] = []
      for value in values {
        guard let number = value.number, number == number.rounded(), number >= 0, number < 1e15 else {
          throw InputError(path: path, message: "partial aggregate: \"scoreCounts\" holds a value that is not a count")
        }
        counts.append(Int(number))
      }
      return counts
    }

    func calls(_ object: JSONValue) throws(InputError) -> CallTotals {
      guard let calls = object["calls"] else { return CallTotals() }
      var totals = CallTotals()
      totals.calls = try int(calls, "calls")
      totals.turns = try int(calls, "turns")
      totals.talkPermilleSum = try int(calls, "talkPermilleSum")
      totals.talkMeasured = try int(calls, "talkMeasured")
      totals.repQuestions = try int(calls, "repQuestions")
      totals.repOpenQuestions = try int(calls, "repOpenQuestions")
      totals.hesitations = try int(calls, "hesitations")
      totals.pressureAfterHesitation = try int(calls, "pressureAfterHesitation")
      totals.freedomAfterHesitation = try int(calls, "freedomAfterHesitation")
      // Timing came later: a partial written before it has none, which reads as no timed call.
      func timingCount(_ key: String) throws(InputError) -> Int { calls[key] == nil ? 0 : try int(calls, key) }
      totals.timedCalls = try timingCount("timedCalls")
      totals.timing.pauseMillisSum = try timingCount("pauseMillisSum")
      totals.timing.pauses = try timingCount("pauses")
      totals.timing.overlaps = try timingCount("overlaps")
      totals.timing.cutInsOnHesitation = try timingCount("cutInsOnHesitation")
      totals.timing.repWords = try timingCount("timedRepWords")
      totals.timing.repMillis = try timingCount("repMillis")
      return totals
    }
  }
}
