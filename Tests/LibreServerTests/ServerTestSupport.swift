import LibreKit
import LibreLexicons
import LibreServer

/// A lint service with the built-in lexicons and no configuration.
func builtInService() -> LintService {
  let linter = Linter(lexicons: BuiltInLexicons.compiled())
  return LintService(builtIn: linter, forcedConfiguration: nil) { _ in linter }
}
