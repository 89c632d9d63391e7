/// When an input is linted in sections rather than whole: a regular file larger than the
/// section size (`InputLimits.sectionBytes`) whose start reads as plain text, in a run that
/// can report a document section by section. Memory then stays bounded by the section
/// size; the document rules run per section.
public enum Sectioning {
  /// How much of a file is read to choose its format.
  public static let headBytes = 1 << 16

  /// Whether the file at `path` is linted in sections. `streams`: the run can report it
  /// section by section; when it cannot, `whyWhole` says what needs it whole (`a baseline
  /// needs`), and plain text over `limits.inputBytes` throws an error that says so.
  public static func readsInSections(
    _ path: String, limits: InputLimits, streams: Bool, whyWhole: @autoclosure () -> String
  ) throws(InputError) -> Bool {
    guard let size = SectionReader.regularFileSize(path), size > limits.sectionBytes else { return false }
    let head = try SectionReader.head(path, count: headBytes)
    guard (try? DocumentLoader.detect(path: path, bytes: head)) == .text else { return false }
    // A binary file is refused by the whole read, as any other.
    guard !DocumentLoader.looksBinary(head) else { return false }
    if streams { return true }
    if size > limits.inputBytes {
      throw InputError(
        path: path,
        message: "\(InputLimits.size(size)) of plain text is over the maximum input size of "
          + "\(InputLimits.size(limits.inputBytes)), and \(whyWhole()) the document whole; not read (raise it "
          + "with --max-input-size SIZE, or lint it in sections with --format text, jsonl, csv, sarif, github or "
          + "checkstyle and no baseline)")
    }
    return false
  }
}
