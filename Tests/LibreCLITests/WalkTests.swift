import Foundation
import Testing

/// Folder walks fit real repositories and mail trees, and say what they pass by.
@Suite struct WalkTests {
  static let mail = """
    Message-ID: <1.JavaMail@thyme>
    Date: Mon, 14 May 2001 16:39:00 -0700 (PDT)
    From: sam@example.com
    To: alex@example.com
    Subject: Next week

    Would a short call next week help? You are free to say no, of course.

    """

  /// A typical repository: package.json, tsconfig.json, node_modules, build output, a
  /// .gitignore. Only the templates are linted, and the run passes.
  @Test func aTypicalRepositoryWalksCleanly() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".git/HEAD", "ref: refs/heads/main\n")
    try dir.write("package.json", #"{"name": "app", "version": "1.0.0"}"#)
    try dir.write("tsconfig.json", #"{"compilerOptions": {}}"#)
    try dir.write("node_modules/pkg/notes.md", "Act now!\n")
    try dir.write("build/out.txt", "Act now!\n")
    try dir.write("vendor/x.txt", "Act now!\n")
    try dir.write(".gitignore", "generated/\n*.draft.md\n!keep.draft.md\n")
    try dir.write("generated/a.txt", "Act now!\n")
    try dir.write("templates/welcome.md", Texts.respectful)
    try dir.write("templates/old.draft.md", "Act now!\n")
    try dir.write("templates/keep.draft.md", Texts.respectful)
    try dir.write("templates/.libreignore", "legacy.md\n")
    try dir.write("templates/legacy.md", "Act now!\n")
    try dir.write("calls/call.json", #"[{"speaker": "Sam", "text": "Would Tuesday suit you?", "start": 0}]"#)
    let result = try dir.run(["--format", "json", "."])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let paths = try result.documents().compactMap { $0.string("path") }
    #expect(paths == ["./calls/call.json", "./templates/keep.draft.md", "./templates/welcome.md"], "\(paths)")
    #expect(result.stderr.contains("skipped 3: matched by .gitignore or .libreignore"), "\(result.stderr)")
    #expect(result.stderr.contains("skipped 3: dependency or build folder"), "\(result.stderr)")
    #expect(result.stderr.contains("skipped 2: .json file that is not a transcript"), "\(result.stderr)")
    // Named, a dependency folder is walked; analyze walks the same way.
    let named = try dir.run(["--format", "json", "--fail-on", "none", "build"])
    #expect(try named.documents().count == 1)
    let analyze = try dir.run(["analyze", "--format", "jsonl", "."])
    #expect(analyze.status == 0, "\(analyze.stderr)")
    #expect(analyze.stdout.split(separator: "\n").filter { $0.contains(#""type":"document""#) }.count == 3)
    #expect(analyze.stderr.contains("skipped 2: .json file that is not a transcript"))
  }

  /// Maildir (`cur/`, `new/`) and Enron-style trees of extensionless files are walked as
  /// messages; other extensionless files are not inputs.
  @Test func extensionlessMailIsWalked() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("enron/inbox/1", Self.mail)
    try dir.write("enron/inbox/2.", Self.mail)
    try dir.write("maildir/cur/1700000000.M1P2.host:2,S", Self.mail)
    try dir.write("maildir/new/1700000001.M3P4.host", Self.mail)
    try dir.write("bin/Makefile", "all:\n\tcc main.c\n")
    try dir.write("LICENSE", "MIT License\n")
    let result = try dir.run(["analyze", "--format", "jsonl", "."])
    #expect(result.status == 0, "\(result.stderr)")
    let documents = result.stdout.split(separator: "\n").filter { $0.contains(#""type":"document""#) }
    #expect(documents.count == 4, "\(result.stdout)")
    #expect(documents.allSatisfy { $0.contains(#""format":"eml""#) })
  }

  /// A file named on the command line that a configuration's `ignore` matches is skipped
  /// with a notice, never silently.
  @Test func anIgnoredNamedFileGetsANotice() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{"ignore": ["drafts/**"]}"#)
    try dir.write("drafts/a.txt", "Act now!\n")
    let result = try dir.run(["drafts/a.txt"])
    #expect(result.status == 0)
    #expect(
      result.stderr.contains("drafts/a.txt: skipped: its configuration's \"ignore\" matches it"), "\(result.stderr)")
    let analyze = try dir.run(["analyze", "drafts/a.txt"])
    #expect(analyze.stderr.contains("drafts/a.txt: skipped"), "\(analyze.stderr)")
  }
}
