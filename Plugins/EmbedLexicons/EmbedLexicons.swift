import Foundation
import PackagePlugin

/// Embeds the JSON files of `lexicons/` into the target as Swift source, so the `libre`
/// binary carries its built-in rules and needs no resource bundle beside it.
@main
struct EmbedLexicons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "lexicons")
    let inputs = lexiconFiles(under: root)
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexiconFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) lexicon file(s) into \(target.name)",
        executable: try context.tool(named: "EmbedLexiconsTool").url,
        arguments: [output.path, root.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }

  private func folder(_ url: URL) -> String {
    var path = url.deletingLastPathComponent().standardizedFileURL.path
    while path.hasSuffix("/") { path.removeLast() }
    return path
  }

  private func lexiconFiles(under root: URL) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
      return []
    }
    // Rule files live in one folder per language; `lexicons/schema.json` is for editors.
    return walker.compactMap { $0 as? URL }
      .filter { $0.pathExtension == "json" && folder($0) != folder(root.appending(path: "x")) }
      .sorted { $0.path < $1.path }
  }
}
