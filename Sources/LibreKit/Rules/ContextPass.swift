/// Marks negators, negation particles and scope breakers on tokens, from the language's
/// word roles and their neighbours, before matching.
enum ContextPass {
  /// How far a particle looks ahead for its negator (`n'êtes pas`: two tokens).
  static let particleReach = 3
  /// How far a negator needing a particle looks back for it (`ne … plus`).
  static let particleLookBack = 6

  static func mark(_ tokens: inout [Token], tables: LanguageTables) {
    let clear: TokenFlags = [.negator, .negationParticle, .scopeBreaker]
    for index in tokens.indices {
      tokens[index].flags.subtract(clear)
      let role = tables.role(tokens[index].id)
      if role.isEmpty { continue }
      if role.contains(.scopeBreaker) { tokens[index].flags.insert(.scopeBreaker) }
      if role.contains(.negator) && isNegating(at: index, role: role, tokens: tokens, tables: tables) {
        tokens[index].flags.insert(.negator)
      }
    }
    for index in tokens.indices where tables.role(tokens[index].id).contains(.particle) {
      var ahead = index + 1
      while ahead < tokens.count && ahead <= index + particleReach {
        if tokens[ahead].flags.contains(.clauseStart) { break }
        if tokens[ahead].flags.contains(.negator) {
          tokens[index].flags.insert(.negationParticle)
          break
        }
        ahead += 1
      }
    }
  }

  /// A negator that needs a particle (`plus`) negates only after one in its clause, and
  /// never before a restrictive word (`ne … plus que` means "only").
  private static func isNegating(at index: Int, role: WordRole, tokens: [Token], tables: LanguageTables) -> Bool {
    if index + 1 < tokens.count, tables.role(tokens[index + 1].id).contains(.restrictiveAfter),
      role.contains(.needsParticle)
    {
      return false
    }
    guard role.contains(.needsParticle) else { return true }
    var back = index
    while back > 0 && index - back < particleLookBack {
      if tokens[back].flags.contains(.clauseStart) { break }
      back -= 1
      if tables.role(tokens[back].id).contains(.particle) { return true }
    }
    return false
  }
}
