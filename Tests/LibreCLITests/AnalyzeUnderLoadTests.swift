import Foundation
import Testing

/// `libre analyze --jobs 2` over many good and corrupt inputs at once: every input comes out
/// exactly once, in input order, and the summary adds up.
@Suite struct AnalyzeUnderLoadTests {
  @Test(.timeLimit(.minutes(3))) func everyInputIsReportedOnceWithTwoJobs() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
    var expected: [String] = []
    func add(_ name: String, _ bytes: [UInt8]) throws {
      try dir.write("mix/" + name, bytes: bytes)
      expected.append("mix/" + name)
    }
    for index in 0..<60 {
      let tag = String(1000 + index)
      switch index % 10 {
      case 0: try add("\(tag)-good.txt", Array(Texts.pushy.utf8))
      case 1: try add("\(tag)-binary.txt", png)
      case 2: try add("\(tag)-utf8.txt", Array("caf\u{E9} ".utf8) + [0xFF, 0xFE] + Array(" you must\n".utf8))
      case 3: try add("\(tag)-empty.txt", [])
      case 4:
        try add("\(tag)-cut.eml", Array("Subject: hi\nContent-Type: multipart/mixed; boundary=x\n\n--x\nConte".utf8))
      case 5: try add("\(tag)-bad.json", Array(#"[{"speaker": "Sam", "text": "you must"#.utf8))
      case 6: try add("\(tag)-call.vtt", Array("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Sam>Act now.\n".utf8))
      case 7: try add("\(tag)-huge.txt", Array(String(repeating: "word ", count: 400).utf8))
      case 8: try add("\(tag)-subs.srt", Array("1\n00:00:01,000 --> \ngarbage\n\n\n2\n".utf8))
      default: try add("\(tag)-page.html", Array("<p>You are free to say no<script>x".utf8))
      }
    }
    try FileManager.default.createSymbolicLink(
      atPath: dir.url.appendingPathComponent("mix/1999-gone.txt").path, withDestinationPath: "nowhere.txt")
    expected.append("mix/1999-gone.txt")
    let run = try RobustRun.run(
      ["analyze", "--jobs", "2", "--format", "jsonl", "--max-input-size", "1K", "mix"], in: dir.url)
    #expect(run.status == 2)
    let records = try run.stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    let inputs = records.filter { $0["type"] as? String != "summary" }
    #expect(inputs.compactMap { $0["path"] as? String } == expected)
    let errors = inputs.filter { $0["type"] as? String == "error" }.compactMap { $0["path"] as? String }
    #expect(errors.contains { $0.hasSuffix("-binary.txt") })
    #expect(errors.contains { $0.hasSuffix("-huge.txt") })
    #expect(errors.contains { $0.hasSuffix("-gone.txt") })
    let summary = try #require(records.last?["summary"] as? [String: Any])
    #expect(summary["inputs"] as? Int == expected.count)
    #expect((summary["documents"] as? Int ?? 0) + (summary["errors"] as? Int ?? 0) == expected.count)
    #expect(summary["errors"] as? Int == errors.count)
  }
}
