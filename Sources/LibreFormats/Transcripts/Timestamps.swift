/// Timestamp parsing: the strict WebVTT grammar, and a lenient one for SRT, plain
/// transcripts and JSON strings.
enum Timestamps {
  /// A WebVTT timestamp at `index` per the W3C "collect a WebVTT timestamp" steps:
  /// `[h…h:]mm:ss.ttt`, minutes and seconds 00–59, exactly three fraction digits. Advances
  /// `index` past it; nil when it is not one.
  static func webVTT(_ bytes: [UInt8], _ index: inout Int, end: Int) -> Double? {
    var hoursFirst = false
    guard let (first, firstDigits) = digits(bytes, &index, end: end) else { return nil }
    if firstDigits != 2 || first > 59 { hoursFirst = true }
    guard index < end, bytes[index] == UInt8(ascii: ":"), firstDigits <= 12 else { return nil }
    index += 1
    guard let (secondValue, secondDigits) = digits(bytes, &index, end: end), secondDigits == 2 else { return nil }
    var second = secondValue
    var hours = first
    var third = 0
    if hoursFirst || (index < end && bytes[index] == UInt8(ascii: ":")) {
      guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      guard let (value, count) = digits(bytes, &index, end: end), count == 2 else { return nil }
      third = value
    } else {
      third = second
      second = first
      hours = 0
    }
    guard index < end, bytes[index] == UInt8(ascii: ".") else { return nil }
    index += 1
    guard let (fraction, fractionDigits) = digits(bytes, &index, end: end), fractionDigits == 3 else { return nil }
    guard second <= 59, third <= 59 else { return nil }
    return Double(hours * 3600 + second * 60 + third) + Double(fraction) / 1000
  }

  /// A lenient timestamp at `index`: `[h:]m:ss` with `.` or `,` and 1–3 fraction digits
  /// (SRT, transcripts), or with `allowSeconds` plain seconds `12.5`. Advances `index`.
  static func lenient(_ bytes: [UInt8], _ index: inout Int, end: Int, allowSeconds: Bool = false) -> Double? {
    let start = index
    // The parts (at most three) are folded as they come rather than kept in an array: this
    // runs on every line of a plain transcript, and the array was its one allocation.
    var total = 0
    var parts = 0
    var laterPartOver59 = false
    while true {
      guard let (value, count) = digits(bytes, &index, end: end), count <= 9 else {
        index = start
        return nil
      }
      if parts > 0 && count > 2 {
        index = start
        return nil
      }
      if parts > 0 && value > 59 { laterPartOver59 = true }
      total = total * 60 + value
      parts += 1
      guard parts < 3, index + 1 < end, bytes[index] == UInt8(ascii: ":"), TextLines.isDigit(bytes[index + 1])
      else { break }
      index += 1
    }
    guard parts >= 2 || allowSeconds else {
      index = start
      return nil
    }
    if laterPartOver59 {
      index = start
      return nil
    }
    var seconds = Double(total)
    if index + 1 < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
      TextLines.isDigit(bytes[index + 1])
    {
      index += 1
      guard let (fraction, count) = digits(bytes, &index, end: end), count <= 9 else {
        index = start
        return nil
      }
      var scale = 1.0
      for _ in 0..<count { scale *= 10 }
      seconds += Double(fraction) / scale
    }
    return seconds
  }

  /// A whole string as a lenient timestamp (JSON `"00:01:02.500"` or `"62.5"`).
  static func parse(_ text: String) -> Double? {
    let bytes = Array(text.utf8)
    var index = 0
    guard let value = lenient(bytes, &index, end: bytes.count, allowSeconds: true), index == bytes.count else {
      return nil
    }
    return value
  }

  /// The decimal digits at `index` and how many there were; nil when there are none or too many.
  private static func digits(_ bytes: [UInt8], _ index: inout Int, end: Int) -> (Int, Int)? {
    var value = 0
    var count = 0
    while index < end, TextLines.isDigit(bytes[index]) {
      if count >= 15 { return nil }
      value = value * 10 + Int(bytes[index] - 0x30)
      count += 1
      index += 1
    }
    return count == 0 ? nil : (value, count)
  }
}
