import Foundation
import LibreFormats
import LibreKit
import Testing

@Suite struct InputLimitSizeTests {
  @Test func sizesParseWithBinarySuffixes() {
    #expect(InputLimits.parseSize("123") == 123)
    #expect(InputLimits.parseSize("4K") == 4096)
    #expect(InputLimits.parseSize("64M") == 64 << 20)
    #expect(InputLimits.parseSize("1g") == 1 << 30)
    #expect(InputLimits.parseSize("2MiB") == 2 << 20)
    #expect(InputLimits.parseSize("2MB") == 2 << 20)
    for bad in ["", "0", "-1", "12x", "M", "1.5M", "99999999999999999999G"] {
      #expect(InputLimits.parseSize(bad) == nil, "\(bad)")
    }
    #expect(InputLimits.size(64 << 20) == "64 MiB")
    #expect(InputLimits.size(1000) == "1000 bytes")
  }

  @Test func defaultsAreTheDocumentedOnes() {
    let limits = InputLimits()
    #expect(limits.inputBytes == 64 << 20)
    #expect(limits.lineBytes == 4 << 20)
    #expect(limits.mimeDepth == 32)
    #expect(limits.mimeParts == 1000)
    #expect(limits.cues == 1_000_000)
    #expect(limits.cueBytes == 1_000_000)
  }
}

@Suite struct FileReaderLimitTests {
  @Test func aFileOverTheSizeLimitIsRefusedNamingTheFlag() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let path = try dir.write("big.txt", [UInt8](repeating: 0x61, count: 5000))
    var limits = InputLimits()
    limits.inputBytes = 4096
    #expect {
      _ = try FileReader.read(path, limits: limits)
    } throws: { error in
      let message = (error as? InputError)?.message ?? ""
      return message.contains("5000 bytes") && message.contains("4 KiB") && message.contains("--max-input-size")
    }
    // Without limits (lexicons, configuration) and under a raised one, it is read whole.
    #expect(try FileReader.read(path).count == 5000)
    limits.inputBytes = 5000
    #expect(try FileReader.read(path, limits: limits).count == 5000)
  }

  @Test func anOverlongLineStopsTheReadAtItsLine() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let text = "short\r\nshort\n" + String(repeating: "x", count: 300) + "\nend\n"
    let path = try dir.write("long.txt", text)
    var limits = InputLimits()
    limits.lineBytes = 256
    #expect {
      _ = try FileReader.read(path, limits: limits)
    } throws: { error in
      let input = error as? InputError
      return input?.line == 3 && input?.message.contains("--max-line-length") == true
        && input?.description.hasPrefix(path + ":3: ") == true
    }
    limits.lineBytes = 300
    #expect(try FileReader.read(path, limits: limits).count == text.utf8.count)
  }

  @Test func aDirectoryIsAnError() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    #expect {
      _ = try FileReader.read(dir.path, limits: InputLimits())
    } throws: { error in
      (error as? InputError)?.message == "is a directory"
    }
  }

  @Test(.timeLimit(.minutes(1))) func aNamedPipeWithoutWriterDoesNotHang() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let path = dir.path + "/pipe.txt"
    #expect(mkfifo(path, 0o600) == 0)
    #expect(try FileReader.read(path, limits: InputLimits()).isEmpty)
  }

  @Test func aMissingFileIsAnError() throws {
    #expect {
      _ = try FileReader.read("/nonexistent/libre/file.txt", limits: InputLimits())
    } throws: { error in
      (error as? InputError)?.message.contains("cannot open") == true
    }
  }
}

@Suite struct LoaderLimitTests {
  func options(_ change: (inout InputLimits) -> Void) -> LoadOptions {
    var limits = InputLimits()
    change(&limits)
    return LoadOptions(limits: limits)
  }

  @Test func theLoaderRefusesBytesOverTheSizeLimit() throws {
    let bytes = Array(String(repeating: "word ", count: 100).utf8)
    #expect {
      _ = try DocumentLoader.load(path: "x.txt", bytes: bytes, options: options { $0.inputBytes = 100 })
    } throws: { error in
      (error as? InputError)?.message.contains("--max-input-size") == true
    }
    #expect(throws: Never.self) { try DocumentLoader.load(path: "x.txt", bytes: bytes, options: LoadOptions()) }
  }

  @Test func mimePartsPastTheConfiguredLimitAreSkippedWithAWarning() throws {
    var lines = ["From: a@b.c", "Subject: many", "Content-Type: multipart/mixed; boundary=p", ""]
    for index in 0..<10 { lines += ["--p", "", "part \(index)"] }
    lines.append("--p--")
    let bytes = Array(lines.joined(separator: "\n").utf8)
    let document = try DocumentLoader.load(path: "m.eml", bytes: bytes, options: options { $0.mimeParts = 5 })
    #expect(document.segments.filter { $0.part == .body }.count == 4)
    #expect(document.warnings.contains { $0.message.contains("--max-mime-parts") && $0.message.contains("5") })
    let all = try DocumentLoader.load(path: "m.eml", bytes: bytes, options: LoadOptions())
    #expect(all.segments.filter { $0.part == .body }.count == 10)
  }

  @Test func mimeNestingPastTheConfiguredDepthIsSkippedWithAWarning() throws {
    var lines = ["From: a@b.c", "Subject: deep"]
    for level in 0..<4 { lines += ["Content-Type: multipart/mixed; boundary=b\(level)", "", "--b\(level)"] }
    lines += ["Content-Type: text/plain", "", "deep text"]
    for level in (0..<4).reversed() { lines.append("--b\(level)--") }
    let bytes = Array(lines.joined(separator: "\n").utf8)
    let shallow = try DocumentLoader.load(path: "d.eml", bytes: bytes, options: options { $0.mimeDepth = 2 })
    #expect(!String(decoding: shallow.text, as: UTF8.self).contains("deep text"))
    #expect(shallow.warnings.contains { $0.message.contains("--max-mime-depth") })
    let deep = try DocumentLoader.load(path: "d.eml", bytes: bytes, options: LoadOptions())
    #expect(String(decoding: deep.text, as: UTF8.self).contains("deep text"))
  }

  @Test func cuesPastTheConfiguredCountAreAnErrorNamingTheFlag() throws {
    var vtt = "WEBVTT\n\n"
    for index in 0..<5 { vtt += "00:00:0\(index).000 --> 00:00:0\(index).500\nline \(index)\n\n" }
    let bytes = Array(vtt.utf8)
    #expect {
      _ = try DocumentLoader.load(path: "c.vtt", bytes: bytes, options: options { $0.cues = 3 })
    } throws: { error in
      let input = error as? InputError
      return input?.message.contains("--max-cues") == true && input?.line != nil
    }
    #expect(throws: Never.self) { try DocumentLoader.load(path: "c.vtt", bytes: bytes, options: LoadOptions()) }
  }

  @Test func aCueOverTheConfiguredLengthIsAnErrorNamingTheFlag() throws {
    let bytes = Array(("Sam: " + String(repeating: "a", count: 100) + "\nAlex: ok\n").utf8)
    #expect {
      _ = try TranscriptLoader.load(path: "t.txt", bytes: bytes, format: .plain, options: options { $0.cueBytes = 50 })
    } throws: { error in
      (error as? InputError)?.message.contains("--max-cue-length") == true
    }
  }

  @Test func aJSONLLineOverTheSizeLimitIsAnErrorOnItsLine() throws {
    let line = Array(#"{"id": "a", "segments": [{"speaker": "Sam", "text": "hello there"}]}"#.utf8)
    #expect {
      _ = try JSONLInput.parse(line, lineNumber: 7, options: options { $0.inputBytes = 20 })
    } throws: { error in
      let input = error as? InputError
      return input?.line == 7 && input?.message.contains("--max-input-size") == true
    }
  }

  @Test func emptyAndBlankFilesLoadWithAWarning() throws {
    let empty = try DocumentLoader.load(path: "e.txt", bytes: [], options: LoadOptions())
    #expect(empty.warnings.map(\.message) == ["empty file: nothing to lint"])
    let blank = try DocumentLoader.load(path: "b.vtt", bytes: Array(" \n\r\n".utf8), options: LoadOptions())
    #expect(blank.warnings.map(\.message).contains("blank file: nothing to lint"))
  }
}
