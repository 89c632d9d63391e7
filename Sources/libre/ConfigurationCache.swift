import LibreFormats

/// The configuration of each input: the forced one (`--config`), else the nearest
/// `.libre.json`, each file read and checked once per run.
struct ConfigurationCache {
  let forced: String?
  private var loaded: [String: Result<Configuration, InputError>] = [:]
  /// Configurations passed over (world-writable, another user's), each warned about once.
  private var ignored: Set<String> = []

  init(forced: String?) { self.forced = forced }

  /// The configuration that governs `input`, nil when there is none; a broken one throws
  /// its error (`FILE:LINE: what is wrong`) for every input it governs.
  mutating func configuration(for input: String) throws(InputError) -> Configuration? {
    var passedOver: [String] = []
    let found = forced ?? Configuration.find(for: input, ignored: &passedOver)
    for path in passedOver where ignored.insert(path).inserted {
      Output.warning("\(path): ignored: anyone may write it and another user owns it (--config reads it anyway)")
    }
    guard let path = found else { return nil }
    if loaded[path] == nil {
      do throws(InputError) {
        loaded[path] = .success(try Configuration.parse(try FileReader.readSettings(path), path: path))
      } catch {
        loaded[path] = .failure(error)
      }
    }
    return try loaded[path]!.get()
  }
}

/// `ConfigurationCache` for the worker threads of `libre analyze`: one cache behind a lock
/// (a `Monitor`, used for its mutex alone).
/// A class marked `@unchecked Sendable` because its only state, `cache`, is touched only
/// while `lock` is held.
final class SharedConfigurations: @unchecked Sendable {
  private let lock = Monitor()
  private var cache: ConfigurationCache

  init(forced: String?) { cache = ConfigurationCache(forced: forced) }

  func configuration(for input: String) throws(InputError) -> Configuration? {
    lock.lock()
    defer { lock.unlock() }
    return try cache.configuration(for: input)
  }
}
