import Foundation
import LibreKit
import Testing

@testable import LibreFormats

/// `SectionReader` cuts a plain text into sections of about `sectionBytes`: at a blank line
/// when it can, else at a line break; never inside a line, every byte once, and each
/// section's first line numbered as `LineIndex` numbers it in the whole file.
struct SectionReaderTests {
  static func sections(_ text: String, size: Int, lineLimit: Int = 1 << 20) throws -> [TextSection] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("libre-sections-\(UUID().uuidString)")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var limits = InputLimits()
    limits.sectionBytes = size
    limits.lineBytes = lineLimit
    let reader = try SectionReader(path: url.path, limits: limits)
    var sections: [TextSection] = []
    while let section = try reader.next() { sections.append(section) }
    return sections
  }

  @Test(arguments: [16, 40, 100, 1000])
  func sectionsHoldEveryByteOnceAndStartLines(size: Int) throws {
    let text =
      "Hi Sam,\r\n\r\nline one\nline two\rold mac\n\npara  graph\n" + String(repeating: "word ", count: 30)
      + "\n\nlast\n\nno end"
    let sections = try Self.sections(text, size: size)
    let bytes = Array(text.utf8)
    #expect(sections.flatMap(\.bytes) == bytes)
    let index = LineIndex(bytes)
    for section in sections {
      #expect(index.location(of: section.offset) == (section.firstLine, 1), "section at \(section.offset)")
      if section.offset > 0 { #expect(bytes[section.offset - 1] == 0x0A) }
    }
    if size == 1000 { #expect(sections.count == 1) }
    if size == 16 { #expect(sections.count > 5) }
  }

  @Test func aBlankLineInTheSecondHalfWinsOverALaterLineBreak() {
    let text = Array("aaaa\nbbbb\n\ncccc\ndddd\neeee".utf8)
    #expect(SectionReader.cut(text, limit: 20, floor: 10) == 11)
    // Blank line before the floor: the last line break before the limit is taken instead.
    #expect(SectionReader.cut(text, limit: 20, floor: 12) == 16)
    // A line longer than the section: cut at its end.
    #expect(SectionReader.cut(Array("abcdefghij\nk".utf8), limit: 4, floor: 2) == 11)
    #expect(SectionReader.cut(Array("abcdefghij".utf8), limit: 4, floor: 2) == 0)
  }

  @Test func aLineLongerThanTheLimitIsAnErrorNamingIt() throws {
    let text = "short\n\n" + String(repeating: "x", count: 300) + "\nafter\n"
    #expect {
      _ = try Self.sections(text, size: 64, lineLimit: 200)
    } throws: { error in
      let error = error as? InputError
      return error?.line == 3 && error?.message.contains("maximum line length of 200 bytes") == true
        && error?.message.contains("--max-line-length") == true
    }
    // Under the limit, a line longer than the section is one section of its own.
    let sections = try Self.sections(text, size: 64, lineLimit: 400)
    #expect(sections.contains { $0.bytes.count == 301 && $0.firstLine == 3 })
  }
}
