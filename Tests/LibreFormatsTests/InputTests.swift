import Foundation
import LibreFormats
import LibreKit
import Testing

/// The files a `BatchWalker` takes under `paths`.
private func walked(_ paths: [String]) -> [String] {
  var walker = BatchWalker()
  return walker.expand(paths).compactMap {
    if case .file(let path) = $0 { return path }
    return nil
  }
}

@Suite struct PathWalkerTests {
  @Test func walksSortedRecursivelyAndFiltersExtensions() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    for name in [
      "b.txt", "a.md", "notes.markdown", "x.text", "Upper.TXT", "z.json", "image.png", "noext", ".hidden.txt",
      "sub/c.txt", "sub/deeper/d.md", "sub/e.eml", ".git/f.txt", "sub2/g.txt", "README.md", "sub/readme.txt",
    ] {
      try dir.write(name, "text")
    }
    let found = walked([dir.path])
    let expected = [
      "Upper.TXT", "a.md", "b.txt", "notes.markdown", "sub/c.txt", "sub/deeper/d.md", "sub/e.eml", "sub2/g.txt",
      "x.text",
    ]
    // z.json is not a transcript and noext is not a message: a walk passes both by.
    #expect(found == expected.map { dir.path + "/" + $0 })
    // A README named on the command line is linted like any file.
    #expect(walked([dir.path + "/README.md"]) == [dir.path + "/README.md"])
  }

  @Test func keepsEveryNamedPathInOrder() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let json = try dir.write("data.json", "{}")
    try dir.write("walked/one.txt", "text")
    let missing = dir.path + "/missing.txt"
    let found = walked(["-", json, dir.path + "/walked", missing, "-"])
    #expect(found == ["-", json, dir.path + "/walked/one.txt", missing, "-"])
    #expect(walked([dir.path + "/walked/"]) == [dir.path + "/walked/one.txt"])
  }

  @Test func aSymlinkLoopIsWalkedOnce() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    try dir.write("a.txt", "text")
    try dir.write("sub/b.txt", "text")
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/loop", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/self", withDestinationPath: ".")
    let found = walked([dir.path])
    #expect(found == [dir.path + "/a.txt", dir.path + "/sub/b.txt"])
    #expect(PathWalker.files(under: dir.path, extensions: ["txt"]).count == 2)
  }

  @Test func anEmptyDirectoryGivesNothing() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    #expect(walked([dir.path]).isEmpty)
  }
}

@Suite struct FileReaderTests {
  @Test func readsTheExactBytes() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let bytes: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("é\r\n".utf8) + [0x00, 0xFF, 0xC3] + Array(repeating: 0x61, count: 70_000)
    let path = try dir.write("raw.txt", bytes)
    #expect(try FileReader.read(path) == bytes)
    #expect(try FileReader.read(try dir.write("empty.txt", [])) == [])
  }

  @Test func aDirectoryIsAnError() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    #expect(throws: InputError(path: dir.path, message: "is a directory")) { try FileReader.read(dir.path) }
    #expect(InputError(path: dir.path, message: "is a directory").description == "\(dir.path): is a directory")
  }

  @Test func aMissingFileIsAnError() throws {
    let path = "/nonexistent-\(UUID().uuidString)/mail.txt"
    do {
      _ = try FileReader.read(path)
      Issue.record("reading a missing file succeeded")
    } catch {
      #expect(error.path == path)
      #expect(error.line == nil)
      #expect(error.message.hasPrefix("cannot open"))
      #expect(error.description.hasPrefix("\(path): cannot open"))
    }
  }
}

@Suite struct PlainTextInputTests {
  @Test func aNULByteMakesABinaryFileWithItsLine() {
    let bytes = Array("line one\nline two\nthree".utf8) + [0] + Array("\nfour".utf8)
    do {
      _ = try DocumentLoader.load(path: "blob.txt", bytes: bytes, options: LoadOptions())
      Issue.record("a NUL byte was accepted")
    } catch {
      #expect(error.path == "blob.txt")
      #expect(error.line == 3)
      #expect(error.description.hasPrefix("blob.txt:3: "))
      #expect(error.message.contains("NUL"))
    }
    #expect(throws: InputError.self) { try DocumentLoader.load(path: "b", bytes: [0], options: LoadOptions()) }
  }

  @Test func textIsKeptByteForByte() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Hi é\r\n".utf8) + [0xFF]
    let document = try DocumentLoader.load(path: "a.txt", bytes: bytes, options: LoadOptions())
    #expect(document.text == bytes, "the BOM and malformed bytes stay, so offsets are the file's")
    #expect(document.path == "a.txt")
    #expect(document.format == "text")
  }
}

@Suite struct LexiconFilesTests {
  @Test func aDirectoryGivesItsJSONFilesButNotTheSchema() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    try dir.write("b.json", "{}")
    try dir.write("a/rules.json", "{\"a\": 1}")
    try dir.write("schema.json", "{}")
    try dir.write("notes.txt", "text")
    let files = try LexiconFiles.read(dir.path)
    #expect(files.map(\.path) == [dir.path + "/a/rules.json", dir.path + "/b.json"])
    #expect(files[0].bytes == Array("{\"a\": 1}".utf8))
  }

  @Test func aFileIsReadAsIsAndAnEmptyDirectoryIsAnError() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let path = try dir.write("mine.json", "{}")
    #expect(try LexiconFiles.read(path).map(\.path) == [path])
    let empty = dir.path + "/empty"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    #expect(throws: InputError.self) { try LexiconFiles.read(empty) }
  }
}
