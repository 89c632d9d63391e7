import LibreFormats
import Testing

/// `.libre.json`: what it holds today (`speakers.rep`) and how mistakes are reported.
struct ConfigurationTests {
  static func parse(_ text: String) throws(InputError) -> Configuration {
    try Configuration.parse(Array(text.utf8), path: ".libre.json")
  }

  @Test func speakersRepIsANameOrAList() throws {
    #expect(try Self.parse(#"{ "speakers": { "rep": ["Sam", "Dana Lee"] } }"#).reps == ["Sam", "Dana Lee"])
    #expect(try Self.parse(#"{ "speakers": { "rep": "Sam" } }"#).reps == ["Sam"])
    #expect(try Self.parse(#"{ "$schema": "x", "speakers": {} }"#).reps == [])
  }

  @Test(arguments: [
    ("{\n  \"speaker\": {}\n}", 2, "unknown key \"speaker\""),
    ("{\n  \"speakers\": {\n    \"reps\": [\"Sam\"]\n  }\n}", 3, "unknown key \"speakers.reps\""),
    ("{ \"speakers\": { \"rep\": [1] } }", 1, "\"speakers.rep\" must be a name or a list of names"),
    ("{ \"speakers\": [] }", 1, "\"speakers\" must be an object"),
    ("{\n\"speakers\": {\n", 3, "invalid JSON"),
    ("[]", 1, "the configuration must be a JSON object"),
  ])
  func mistakesNameTheirLine(text: String, line: Int, message: String) {
    do throws(InputError) {
      _ = try Self.parse(text)
      Issue.record("should fail: \(text)")
    } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.message.hasPrefix(message), "\(error)")
    }
  }

  @Test func theNearestFileWins() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{ "speakers": { "rep": "Top" } }"#)
    try dir.write("team/.libre.json", #"{ "speakers": { "rep": "Team" } }"#)
    try dir.write("team/calls/a.vtt", "WEBVTT\n")
    try dir.write("other/b.vtt", "WEBVTT\n")
    #expect(Configuration.find(for: dir.path + "/team/calls/a.vtt")?.hasSuffix("/team/.libre.json") == true)
    #expect(Configuration.find(for: dir.path + "/other/b.vtt")?.hasSuffix("/.libre.json") == true)
    #expect(Configuration.find(for: dir.path + "/other/b.vtt")?.hasSuffix("/team/.libre.json") == false)
  }
}
