import Testing

@testable import LibreFormats

/// The lenient timestamps of SRT, plain transcripts and JSON: the value, and where the
/// parse stops (unchanged when it is not a timestamp).
@Suite struct LenientTimestampTests {
  static func parse(_ text: String, allowSeconds: Bool = false) -> (Double?, Int) {
    let bytes = Array(text.utf8)
    var index = 0
    let value = Timestamps.lenient(bytes, &index, end: bytes.count, allowSeconds: allowSeconds)
    return (value, index)
  }

  @Test(arguments: [
    ("1:02", 62.0, 4), ("01:02:03", 3723, 8), ("1:2", 62, 3), ("61:00", 3660, 5), ("100:00:00", 360_000, 9),
    ("00:01:02.5", 62.5, 10), ("00:01:02,250 -->", 62.25, 12), ("1:02:03:04", 3723, 7), ("0:59 Sam", 59, 4),
    ("00:00:01.125", 1.125, 12), ("1:02.", 62, 4), ("1:02:", 62, 4),
  ])
  func parsesAndStopsAfterTheTimestamp(text: String, seconds: Double, end: Int) {
    let (value, index) = LenientTimestampTests.parse(text)
    #expect(value == seconds, "\(text)")
    #expect(index == end, "\(text)")
  }

  @Test(arguments: [
    "", "12", "12.5", "a1:02", "00:60", "01:60:00", "00:00:60", "1:234", "1234567890:00", "00:01.1234567890", ":01",
  ])
  func refusesWhatIsNotOneAndStaysPut(text: String) {
    let (value, index) = LenientTimestampTests.parse(text)
    #expect(value == nil, "\(text)")
    #expect(index == 0, "\(text)")
  }

  @Test func plainSecondsOnlyWhenAllowed() {
    #expect(LenientTimestampTests.parse("12.5", allowSeconds: true) == (12.5, 4))
    #expect(LenientTimestampTests.parse("7", allowSeconds: true) == (7, 1))
    #expect(LenientTimestampTests.parse("00:75", allowSeconds: true).0 == nil)
    #expect(Timestamps.parse("00:01:02.500") == 62.5)
    #expect(Timestamps.parse("62.5") == 62.5)
    #expect(Timestamps.parse("62.5s") == nil)
  }
}
