/// How `libre analyze --by` cuts time: ISO weeks (`2026-W05`) or calendar months (`2026-01`).
/// Keys sort in time order as strings.
public enum TrendPeriod: String, Sendable, CaseIterable {
  case week, month

  /// The key of the period holding day `days` (days since 1970-01-01, UTC).
  public func key(day days: Int) -> String {
    switch self {
    case .month:
      let date = MessageDate.civil(fromDays: days)
      return "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)"
    case .week:
      // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday.
      let weekday = ((days + 3) % 7 + 7) % 7  // 0 = Monday (1970-01-01 was a Thursday)
      let thursday = days - weekday + 3
      let year = MessageDate.civil(fromDays: thursday).year
      let week = (thursday - MessageDate.daysFromCivil(year: year, month: 1, day: 1)) / 7 + 1
      return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }
  }

  /// The day of `seconds` since 1970-01-01 UTC.
  public static func day(ofSeconds seconds: Int) -> Int {
    seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
  }
}

/// Scores, pressure and freedom per period and per rep within each period, as counts so
/// partials merge exactly (see `AnalysisAggregate`).
public struct TrendAggregate: Sendable, Equatable {
  /// By period key.
  public var periods: [String: GroupAggregate] = [:]
  /// By period key, then by group (rep).
  public var groups: [String: [String: GroupAggregate]] = [:]

  public init() {}

  public var isEmpty: Bool { periods.isEmpty }

  mutating func add(_ document: DocumentSummary) {
    guard let period = document.period else { return }
    periods[period, default: GroupAggregate()].add(document)
    groups[period, default: [:]][document.group, default: GroupAggregate()].add(document)
  }

  mutating func merge(_ other: TrendAggregate) {
    for (key, value) in other.periods { periods[key, default: GroupAggregate()].merge(value) }
    for (period, byGroup) in other.groups {
      for (group, value) in byGroup { groups[period, default: [:]][group, default: GroupAggregate()].merge(value) }
    }
  }
}

extension GroupAggregate {
  /// The mean score (nil without documents).
  public var meanScore: Double? {
    guard documents > 0 else { return nil }
    var sum = 0
    for (score, count) in scoreCounts.enumerated() { sum += score * count }
    return Double(sum) / Double(documents)
  }
}
