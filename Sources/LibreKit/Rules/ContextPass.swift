/// Marks negators, negation particles and scope breakers on tokens, from the language's
/// word roles and their neighbours, before matching.
enum ContextPass {
  /// How far a particle looks ahead for its negator (`n'êtes pas`: two tokens).
  static let particleReach = 3
  /// How far a negator needing a particle looks back for it (`ne … plus`).
  static let particleLookBack = 6

  /// One pass: the tokenizer sets none of these flags, so nothing needs clearing. A
  /// particle is confirmed when a negator follows it within reach in its clause.
  /// `tallies` is the language's count table (`TextCounter.tallies(roles:questionMark:)`),
  /// which holds the roles this pass marks: the count has just read its lines for the same
  /// tokens, where the roles' own table cost a cache miss per rare word.
  static func mark(
    _ tokens: UnsafeMutableBufferPointer<Token>, tables: LanguageTables, tallies: UnsafeBufferPointer<UInt64>
  ) {
    let idCount = UInt32(truncatingIfNeeded: tallies.count - TextCounter.Tally.idOffset)
    let byID = tallies.baseAddress! + TextCounter.Tally.idOffset
    for index in 0..<tokens.count {
      // Stop words have roles too, and come at random: testing only the roles this pass
      // marks keeps the branch predictable.
      let id = UInt32(bitPattern: tokens[index].id)
      let marks = id < idCount ? byID[Int(id)] & TextCounter.Tally.contextRoles : 0
      if marks == 0 { continue }
      if marks & TextCounter.Tally.scopeBreaker != 0 { tokens[index].flags.insert(.scopeBreaker) }
      if marks & TextCounter.Tally.negator != 0
        && isNegating(at: index, role: tables.role(tokens[index].id), tokens: tokens, tables: tables)
      {
        tokens[index].flags.insert(.negator)
        confirmParticles(before: index, tokens: tokens, tables: tables)
      }
    }
  }

  /// Marks the particles up to `particleReach` tokens before the negator at `index`, in
  /// its clause (`do` in `do not`, `n'` in `n'êtes pas`).
  private static func confirmParticles(
    before index: Int, tokens: UnsafeMutableBufferPointer<Token>, tables: LanguageTables
  ) {
    var back = index
    while back > 0 && index - back < particleReach {
      if tokens[back].flags.contains(.clauseStart) { return }
      back -= 1
      if tables.role(tokens[back].id).contains(.particle) { tokens[back].flags.insert(.negationParticle) }
    }
  }

  /// A negator that needs a particle (`plus`) negates only after one in its clause, and
  /// never before a restrictive word (`ne … plus que` means "only").
  private static func isNegating(
    at index: Int, role: WordRole, tokens: UnsafeMutableBufferPointer<Token>, tables: LanguageTables
  ) -> Bool {
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
