import Foundation
import Testing

@testable import LibreFormats

/// `FileReader` reads into the result's own buffer, sized from the file: every size around
/// the buffer's edges must come back byte for byte, and the line limit must hold across reads.
@Suite struct FileReaderBufferTests {
  @Test(arguments: [1, 4095, 4096, 4097, 8191, 8192, 65_537])
  func everySizeAroundTheBufferIsReadExactly(size: Int) throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    let path = try dir.write("f.bin", bytes)
    #expect(try FileReader.read(path) == bytes)
    var limits = InputLimits()
    limits.lineBytes = size
    #expect(try FileReader.read(path, limits: limits) == bytes)
  }

  /// The line scan starts once the input outgrows the line limit and catches up from the
  /// start: an overlong line anywhere, first or last, is found on its own line.
  @Test(arguments: [1, 40, 100])
  func anOverlongLineIsFoundWhereverItIs(longLine: Int) throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let lines = (1...100).map { String(repeating: $0 == longLine ? "L" : "s", count: $0 == longLine ? 300 : 99) }
    let text = lines.joined(separator: longLine == 40 ? "\r\n" : "\n")
    let path = try dir.write("lines.txt", text)
    var limits = InputLimits()
    limits.lineBytes = 256
    #expect(
      throws: InputError(path: path, line: longLine, message: limits.lineTooLong(path: path, line: longLine).message)
    ) {
      try FileReader.read(path, limits: limits)
    }
    limits.lineBytes = 300
    #expect(try FileReader.read(path, limits: limits) == Array(text.utf8))
  }

  @Test func aFileAtTheSizeLimitIsReadAndOneByteMoreIsNot() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    var limits = InputLimits()
    limits.inputBytes = 5000
    let atLimit = try dir.write("at.txt", Array(repeating: 0x0A, count: 5000))
    #expect(try FileReader.read(atLimit, limits: limits).count == 5000)
    let over = try dir.write("over.txt", Array(repeating: 0x0A, count: 5001))
    #expect(throws: InputError.self) { try FileReader.read(over, limits: limits) }
  }

  /// The scan jumps from line break to line break: lengths carry over from one chunk to
  /// the next, a lone CR ends a line without counting one, and CRLF counts once.
  @Test(arguments: [1, 2, 3, 7, 8, 9, 64])
  func lineLimitsHoldAcrossChunksOfAnySize(chunkSize: Int) {
    let text = Array("ab\r\ncd\reeeeeeeeeeee\nf\n\nggggggggg".utf8)
    func firstOverlong(limit: Int) -> Int? {
      var scan = LineScan(limit: limit)
      var start = 0
      while start < text.count {
        let end = min(start + chunkSize, text.count)
        let found = text.withUnsafeBufferPointer { scan.feed(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        if let found { return found }
        start = end
      }
      return nil
    }
    #expect(firstOverlong(limit: 12) == nil)
    #expect(firstOverlong(limit: 11) == 2, "the 12 e's, on the second LF-counted line")
    #expect(firstOverlong(limit: 8) == 2)
    #expect(firstOverlong(limit: 1) == 1)
    #expect(firstOverlong(limit: 0) == 1)
    var tail = LineScan(limit: 100)
    _ = text.withUnsafeBufferPointer { tail.feed($0) }
    #expect(tail.line == 5 && tail.current == 9)
  }

  /// A pipe has no size to start from: the buffer starts small and doubles, and each read
  /// lands past the bytes already read.
  @Test(arguments: [0, 1, 4097, 200_003])
  func aPipeIsReadWhole(size: Int) throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9) }
    #expect(try Self.readThroughFIFO(bytes, at: dir.path + "/fifo") == bytes)
  }

  /// Through a pipe the size limit can only be seen while reading; a line over its limit
  /// before the size limit is still what is reported, whatever the size of the reads.
  @Test func aPipeOverTheLimitsIsRefusedWithTheFirstProblem() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    var limits = InputLimits()
    limits.inputBytes = 100_000
    limits.lineBytes = 50_000
    let tooLarge = [UInt8](repeating: 0x0A, count: 150_000)
    let large = #expect(throws: InputError.self) {
      try Self.readThroughFIFO(tooLarge, at: dir.path + "/large", limits: limits)
    }
    #expect(large?.line == nil)
    // Line 2 is 60,000 bytes long, all of it within the first 100,000.
    let longLine =
      [UInt8](repeating: 0x61, count: 10) + [0x0A] + [UInt8](repeating: 0x62, count: 60_000) + [0x0A]
      + [UInt8](repeating: 0x0A, count: 90_000)
    let long = #expect(throws: InputError.self) {
      try Self.readThroughFIFO(longLine, at: dir.path + "/long", limits: limits)
    }
    #expect(long?.line == 2)
  }

  /// Reads `bytes` through a named pipe made at `path` and written by another thread.
  static func readThroughFIFO(_ bytes: [UInt8], at path: String, limits: InputLimits? = nil) throws -> [UInt8] {
    guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
    // Opened read-write first, so the pipe has a writer before the reader opens it (a
    // reader alone would see the end at once); closing it is the end of the input.
    let writer = open(path, O_RDWR)
    guard writer >= 0 else { throw CocoaError(.fileWriteUnknown) }
    // Held open to the end: a short input all written and closed before the reader opens
    // would otherwise go with the last descriptor (the test failed about one run in four).
    let keeper = open(path, O_RDONLY | O_NONBLOCK)
    defer { if keeper >= 0 { close(keeper) } }
    let thread = Thread {
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(writer, $0.baseAddress! + offset, $0.count - offset) }
        if written <= 0 { break }
        offset += written
      }
      close(writer)
    }
    thread.start()
    defer {
      // A reader that stopped early leaves the writer blocked on a full pipe: drain it.
      let drain = open(path, O_RDONLY | O_NONBLOCK)
      var sink = [UInt8](repeating: 0, count: 65_536)
      while drain >= 0 && sink.withUnsafeMutableBytes({ read(drain, $0.baseAddress!, $0.count) }) != 0 {
        if errno == EAGAIN { usleep(1000) }
      }
      if drain >= 0 { close(drain) }
    }
    return try FileReader.read(path, limits: limits)
  }
}
