/// The `Date:` header of a message (RFC 5322 §3.3, with the obsolete forms real mail
/// still carries), as seconds since 1970-01-01 UTC.
public enum MessageDate {
  /// Parses `Tue, 15 Jan 2002 10:30:00 -0800` and its variants: no weekday, no seconds,
  /// two-digit years, zone names (`GMT`, `EST`, …) or none (read as UTC), a comment after
  /// the zone. Nil when it cannot be read.
  public static func parse(_ text: String) -> Int? {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
    if let first = words.first, first.count >= 3, weekdays.contains(first.prefix(3).lowercased()),
      Int(first) == nil
    {
      words.removeFirst()
    }
    guard words.count >= 4, let day = Int(words[0]), (1...31).contains(day),
      let month = months.firstIndex(of: words[1].prefix(3).lowercased()), var year = Int(words[2])
    else { return nil }
    if year < 50 {
      year += 2000
    } else if year < 1000 {
      year += 1900
    }
    let clock = words[3].split(separator: ":").compactMap { Int($0) }
    guard clock.count >= 2, clock.count <= 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]) else {
      return nil
    }
    let second = clock.count == 3 ? min(clock[2], 60) : 0
    let offset = words.count > 4 ? zoneOffset(words[4]) : 0
    let days = daysFromCivil(year: year, month: month + 1, day: day)
    return days * 86_400 + clock[0] * 3_600 + clock[1] * 60 + second - offset
  }

  /// The zone's offset from UTC in seconds (`+0200`, `-0800`, `GMT`, `EST`…); 0 if unknown.
  static func zoneOffset(_ zone: String) -> Int {
    if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
      let seconds = (value / 100) * 3_600 + (value % 100) * 60
      return sign == "-" ? -seconds : seconds
    }
    let named: [String: Int] = [
      "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
      "pst": -8, "pdt": -7,
    ]
    return (named[zone.lowercased()] ?? 0) * 3_600
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of day `days` since 1970-01-01.
  public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `YYYY-MM-DD` (`--since`, `--until`) as days since 1970-01-01; nil if malformed.
  public static func parseDay(_ text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    return daysFromCivil(year: year, month: month, day: day)
  }

  private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
