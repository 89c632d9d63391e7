extension LexiconCompiler {
  /// Replaces words by vocabulary ids (interning them), prefixes by prefix indexes and
  /// classes by their members.
  mutating func resolve(
    _ syntax: PatternSyntax, classes: [String: [PatternSyntax]], at location: SourceLocation, context: PatternContext,
    insideClass: Bool = false
  ) -> ResolvedPattern? {
    switch syntax {
    case .word(let word): return .test(.word(vocabulary.intern(word)))
    case .prefix(let prefix): return .test(.prefix(prefixes.add(prefix)))
    case .kind(let kind): return .test(.kind(kind))
    case .caps: return .test(.caps)
    case .shout: return .test(.shout)
    case .any: return .test(.any)
    case .gap(let low, let high): return .gap(low, high)
    case .optional(let inner):
      return resolve(inner, classes: classes, at: location, context: context, insideClass: insideClass).map {
        .optional($0)
      }
    case .sequence(let items):
      var resolved: [ResolvedPattern] = []
      resolved.reserveCapacity(items.count)
      for item in items {
        guard let part = resolve(item, classes: classes, at: location, context: context, insideClass: insideClass)
        else { return nil }
        resolved.append(part)
      }
      return resolved.count == 1 ? resolved[0] : .sequence(resolved)
    case .choice(let branches):
      var resolved: [ResolvedPattern] = []
      resolved.reserveCapacity(branches.count)
      for branch in branches {
        guard let part = resolve(branch, classes: classes, at: location, context: context, insideClass: insideClass)
        else { return nil }
        resolved.append(part)
      }
      return .choice(resolved)
    case .classReference(let name):
      guard !insideClass else {
        fail(location, "\(context): class members cannot use other classes ('@\(name)')")
        return nil
      }
      if let cached = resolvedClasses[name] { return cached }
      guard let members = classes[name] else {
        let known = classes.keys.sorted().map { "@" + $0 }.joined(separator: ", ")
        fail(location, "\(context): unknown class '@\(name)' (known: \(known.isEmpty ? "none" : known))")
        return nil
      }
      var resolved: [ResolvedPattern] = []
      resolved.reserveCapacity(members.count)
      for member in members {
        guard let part = resolve(member, classes: classes, at: location, context: context, insideClass: true)
        else { return nil }
        resolved.append(part)
      }
      let result: ResolvedPattern = resolved.count == 1 ? resolved[0] : .choice(resolved)
      // A class resolves the same way everywhere in its language: once is enough.
      resolvedClasses[name] = result
      return result
    }
  }
}

/// Which pattern of which rule is being compiled, for error messages; made into text only
/// when there is an error (most compiles have none, and every pattern has a context).
struct PatternContext: CustomStringConvertible {
  let rule: String
  let pattern: String

  var description: String { "rule '\(rule)', pattern '\(pattern)'" }
}
