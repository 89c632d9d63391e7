import LibreFormats
import LibreKit

extension Lexicons {
  /// The policy's lexicon compiler: the built-in lexicons plus the given ones.
  static func compiler(limits: LexiconLimits) -> LintPolicy.LexiconCompiler {
    { paths in
      do throws(UsageError) {
        return .success(Linter(lexicons: try Lexicons.compile(extra: paths, limits: limits)))
      } catch {
        return .failure(LexiconCompileError(message: error.description))
      }
    }
  }

  /// The policy of a command: the linter of the built-in lexicons and `--lexicon`, compiled
  /// now (a bad lexicon is a usage error before any input is read).
  static func policy(_ flags: PolicyFlags, limits: LexiconLimits) throws(UsageError) -> LintPolicy {
    let linter = Linter(lexicons: try Lexicons.compile(extra: flags.lexicons, limits: limits))
    return LintPolicy(flags: flags, builtIn: linter, compile: compiler(limits: limits))
  }
}

/// A `LintPolicy` for the worker threads of `libre analyze`: one policy behind a lock (a
/// `Monitor`, used for its mutex alone), so each configuration is read and each lexicon set
/// compiled once for the run.
/// A class marked `@unchecked Sendable` because its only state, `policy`, is touched only
/// while `lock` is held.
final class SharedPolicy: @unchecked Sendable {
  private let lock = Monitor()
  private var policy: LintPolicy

  init(_ policy: LintPolicy) { self.policy = policy }

  /// The settings of `path` (nil: ignored), and the warnings met finding them.
  func settings(for path: String) -> (Result<InputSettings?, InputError>, warnings: [String]) {
    lock.lock()
    defer { lock.unlock() }
    let result: Result<InputSettings?, InputError>
    do throws(InputError) {
      result = .success(try policy.settings(for: path))
    } catch {
      result = .failure(error)
    }
    return (result, policy.takeWarnings())
  }
}
